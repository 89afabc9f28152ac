/**
 * The Storybook flow a person takes: a story's canvas (`iframe.html`) open in a tab, then the
 * Storybook manager (`index.html`) in the same tab. msw's worker unregisters itself when its last page
 * leaves; the manager's preview must still be mocked, not sent to the real network (the fake FAPI
 * origins do not resolve: "Could not reach the server").
 */
import type { BrowserContext, Frame, Page } from '@playwright/test'
import { expect, test } from './support'

const STORY = 'email-addresses-emaillist--default'

/** Requests to the stories' fake FAPI origins that went to the network (and failed there). */
function watchUnmocked(context: BrowserContext): string[] {
  const unmocked: string[] = []
  context.on('requestfailed', (request) => {
    if (new URL(request.url()).hostname.endsWith('.emulator.test')) {
      unmocked.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`)
    }
  })
  return unmocked
}

function previewFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/iframe.html'))
  if (!frame) {
    throw new Error('no preview iframe')
  }
  return frame
}

test('a story still talks to its emulator after the tab goes from iframe.html to the manager', async ({
  browser,
  server,
}) => {
  // The manager's own bundle is large: loaded twice over, on two busy cores, it takes its time.
  test.setTimeout(90_000)
  const slow = { timeout: 30_000 }
  const context = await browser.newContext()
  const unmocked = watchUnmocked(context)
  const page = await context.newPage()

  await page.goto(`${server}/iframe.html?id=${STORY}&viewMode=story`)
  await expect(page.getByText('jane@work.example')).toBeVisible(slow)

  await page.goto(`${server}/index.html?path=/story/${STORY}`)
  const preview = page.frameLocator('#storybook-preview-iframe')
  // The list, or the error it shows when its requests reached the real network.
  await expect(preview.getByText(/^jane@work\.example$|could not be loaded/).first()).toBeVisible(
    slow,
  )
  await expect(preview.getByText(/could not be loaded/)).toHaveCount(0)
  await expect(preview.getByText('jane@work.example')).toBeVisible()
  expect(await previewFrame(page).evaluate(() => navigator.serviceWorker.controller !== null)).toBe(
    true,
  )
  // The manager itself is not the worker's page: closing it leaves no registration half-alive.
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()

  // And back to the canvas alone, in the same tab.
  await page.goto(`${server}/iframe.html?id=${STORY}&viewMode=story`)
  await expect(page.getByText('jane@work.example')).toBeVisible(slow)
  expect(unmocked).toEqual([])
  await context.close()
})
