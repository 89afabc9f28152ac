import type { StorybookConfig } from '@storybook/react-vite'

/**
 * Storybook 10 over the FAPI emulator in the browser (msw). Offline: telemetry off, no downloads.
 * `public/` serves msw's `mockServiceWorker.js`.
 */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.@(ts|tsx)', './stories/**/*.stories.@(ts|tsx)'],
  // msw-storybook-addon is wired in preview.tsx (its `beforeEach` with our start of the worker, see
  // msw.ts), not listed here: listed, it would start the worker its own way first.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // The root vite.config.ts is the library build (lib mode, peers external). Storybook builds an app
  // that must bundle React and friends, so drop both.
  viteFinal: (viteConfig) => {
    const build = viteConfig.build ?? {}
    const { external: _external, ...rolldownOptions } = build.rolldownOptions ?? {}
    return { ...viteConfig, build: { ...build, lib: false, rolldownOptions } }
  },
}

export default config
