import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import chromium from '../support/chromium.json' with { type: 'json' }

/**
 * The specs that drive the real `@clerk/clerk-js` in Debian's Chromium. Never a downloaded browser:
 * `executablePath` is fixed, and nothing here runs `playwright install`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Builds the playground (playground/) once for every spec's pages; removes the build afterwards.
  globalSetup: './support/playground.ts',
  // Each test starts its own emulator and page server, so tests are independent; two workers fit two cores.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Traces and error contexts go to the temp folder, not into the repository.
  outputDir: join(tmpdir(), 'react-email-addresses-clerk-specs'),
  forbidOnly: true,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: chromium.executablePath,
      args: [...chromium.args, ...chromium.clerkArgs],
    },
  },
})
