import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

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
          setupFiles: ['test/support/dom-setup.ts'],
        },
      },
    ],
  },
})
