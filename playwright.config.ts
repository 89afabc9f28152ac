import { defineConfig } from '@playwright/test'
import chromium from './test/support/chromium.json' with { type: 'json' }

/**
 * End-to-end tests of the demo (the playground's settings and Clerk-mode pages, `playground/`) against
 * the emulator over real HTTP on two 127.0.0.1 origins. `test/e2e/global-setup.ts` runs
 * `node playground/run.mjs --build` on free ports and hands the URLs to the tests through the
 * environment; screenshots of every step land in `test-results/` (git-ignored).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
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
