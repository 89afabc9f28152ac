import { defineConfig } from '@playwright/test'
import chromium from '../support/chromium.json' with { type: 'json' }

/**
 * The visual check: screenshots of the *built* Storybook (`npm run test:visual` builds it into
 * `.tmp/storybook-visual` first) in Debian's Chromium, compared with the baselines in
 * `test/visual/baselines/`. Refresh them with `npm run test:visual -- --update-snapshots`, then look
 * at every changed PNG before committing it.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Named by mode and story: baselines/light/email-addresses-emaillist--default.png
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  outputDir: '../../test-results/visual',
  // One worker: the stories run one after another in a few long-lived pages (see support.ts).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: {
    timeout: 10_000,
    toHaveScreenshot: {
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      // Survives anti-aliasing and hinting; a dropped border, fill or text colour is far more.
      threshold: 0.2,
      maxDiffPixelRatio: 0.005,
    },
  },
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: '../../playwright-report/visual' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
      args: chromium.args,
    },
    // The screenshot diffs are the evidence; traces would record every long-lived page's history.
    screenshot: 'off',
    trace: 'off',
  },
})
