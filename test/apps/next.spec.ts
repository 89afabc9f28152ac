/**
 * The Next.js App Router app built from the packed tarball (`next build`, `next start`), against the
 * emulator CLI of the installed package: a server component prefetches the list and hands it over
 * through HydrationBoundary, a client component renders the manager, a route handler uses
 * `react-email-addresses/server`.
 */
import type { Page } from '@playwright/test'
import { env, expect, expectThemeColours, keyboardLifecycle, settings, test } from './support'

/** Every request the page sends to the emulator (FAPI), as `METHOD path`. */
function emulatorRequests(page: Page): string[] {
  const seen: string[] = []
  const origin = new URL(env('EMULATOR_URL')).origin
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === origin && request.method() !== 'OPTIONS') {
      seen.push(`${request.method()} ${url.pathname}`)
    }
  })
  return seen
}

/**
 * Waits until the client took over: the app's marker effect runs after the manager's, and two frames
 * later any request the manager's mount would send has been sent.
 */
async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached()
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  }
}

test('the list is rendered on the server and hydrated: no request for the first paint', async ({
  page,
}) => {
  const requests = emulatorRequests(page)
  const response = await page.goto(env('NEXT_APP_URL'))
  // The server's HTML already has the address, read in a server component with a type and
  // emailAddressKeys imported from the package.
  expect((await response?.text()) ?? '').toMatch(/<li[^>]*>.*jane@example\.com/)
  await hydrated(page)
  await expect(page.getByText('Signed in as jane@example.com (read on the server).')).toBeVisible()
  await expect(settings(page).badge('jane@example.com', 'Primary')).toBeVisible()
  expect(requests).toEqual([])
  await expectThemeColours(page)
})

test('without the server prefetch, the same section loads the list itself: one request', async ({
  page,
}) => {
  // The control for the test above: its "no request" can only hold because of the prefetch.
  const requests = emulatorRequests(page)
  await page.goto(`${env('NEXT_APP_URL')}/unprefetched`)
  await hydrated(page)
  await expect(settings(page).badge('jane@example.com', 'Primary')).toBeVisible()
  expect(requests).toEqual(['GET /v1/me'])
})

test('the whole lifecycle by keyboard on the server-rendered page', async ({ page, emulator }) => {
  await page.goto(env('NEXT_APP_URL'))
  await hydrated(page)
  await keyboardLifecycle(page, emulator)
})

test('a route handler adds an address over the Backend API with react-email-addresses/server', async ({
  page,
  request,
  emulator,
}) => {
  const { user_id: userId } = await emulator.state()
  const created = await request.post(`${env('NEXT_APP_URL')}/api/email-addresses`, {
    data: { userId, emailAddress: 'jane.admin@example.com' },
  })
  expect(created.status()).toBe(201)
  expect(await created.json()).toMatchObject({
    emailAddress: 'jane.admin@example.com',
    verification: { status: 'verified', strategy: 'admin' },
  })
  expect((await emulator.email('jane.admin@example.com')).verification?.status).toBe('verified')
  const refused = await request.post(`${env('NEXT_APP_URL')}/api/email-addresses`, {
    data: { emailAddress: 'nobody@example.com' },
  })
  expect(refused.status()).toBe(400)
  // The next page load shows it, rendered on the server.
  await page.goto(env('NEXT_APP_URL'))
  await hydrated(page)
  await expect(settings(page).badge('jane.admin@example.com', 'Verified')).toBeVisible()
})
