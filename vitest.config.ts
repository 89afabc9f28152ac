import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import chromium from './test/support/chromium.json' with { type: 'json' }

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/api/**/*.test.ts',
            'src/hooks/**/*.test.ts',
            'src/components/**/*.test.ts',
            // Server rendering: components in Node, where there is no window or document.
            'src/**/*.ssr.test.tsx',
            'src/localization/**/*.test.ts',
            'src/testing/**/*.test.ts',
            'src/server/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/hooks/**/*.test.tsx', 'src/components/**/*.test.tsx'],
          exclude: ['**/*.ssr.test.tsx', '**/node_modules/**'],
          setupFiles: ['test/support/dom-setup.ts'],
          // Generous under load (2 cores running every project at once); a test's own waits stay short.
          testTimeout: 20_000,
        },
      },
      {
        // Every story is a test in real Chromium, with its play function and an axe check
        // (`parameters.a11y.test: 'error'` in .storybook/preview.tsx). The plugin supplies the stories.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
                args: chromium.args,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
