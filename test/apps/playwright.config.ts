import { defineConfig } from '@playwright/test'
import chromium from '../support/chromium.json' with { type: 'json' }

/**
 * The consumer apps (`test/apps/vite`, `test/apps/next`) in Chromium. Run through
 * `node scripts/test-apps.mjs`, which packs the library, installs the tarball into copies of the apps
 * outside this repository, builds and starts them and the emulator, and passes their URLs in the
 * environment.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/apps',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
      args: chromium.args,
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
})
