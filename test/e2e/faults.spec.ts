/**
 * Faults injected through `POST /__emulator/faults`, driven by keyboard only with an axe check of each
 * screen: a 500 on create and a retry, a 429 on resend and the emulator's own throttle (the countdown
 * on the page's clock), a connection reset before the server on delete, and a 401 (the session
 * ended). `fault-matrix.spec.ts` crosses every mutation with every fault; these are the journeys.
 */
import { checkpoint, demoPage, expect, tabTo, test } from './support'

const NEW = 'jane.work@example.com'

test('a 500 on create keeps the typed address and says what happened; a retry works', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await emulator.fault({ method: 'POST', path: '/v1/me/email_addresses', status: 500 })
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type(NEW)
  await page.keyboard.press('Enter')

  const formError = ui.manager.locator('[data-slot="rea-add-email-form-error"]')
  await expect(formError).toHaveText('The server had a problem. Please try again.')
  await expect(formError).toHaveAttribute('role', 'alert')
  await expect(ui.emailInput).toHaveValue(NEW)
  await expect(ui.rows).toHaveCount(1)
  expect((await emulator.me()).email_addresses).toHaveLength(1)
  await checkpoint(page, 'create-500')

  // The fault was for one request: submitting again (focus is still in the form) adds it.
  await tabTo(page, ui.manager.getByRole('button', { name: 'Add email address' }))
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
  await expect(ui.badges(NEW)).toHaveText(['Unverified'])
  expect((await emulator.me()).email_addresses).toHaveLength(2)
})

test('a 429 on resend: the countdown follows Retry-After, then resending works', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.clock.install()
  await page.goto(demoUrl)
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type(NEW)
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
  const resend = ui.manager.locator(
    '[data-slot="rea-email-address-manager-verify"] > [data-slot="rea-prepare-verification"] > button',
  )
  await expect(resend).toHaveText('Resend in 30s')
  // 31 s pass on the page and on the emulator (whose own throttle is 30 s): a resend is allowed, so
  // the 429 comes from the injected fault, whose Retry-After is 1 s.
  await page.clock.fastForward('00:31')
  await emulator.advanceClock(31_000)
  await expect(resend).toHaveText('Resend code')
  const { id } = await emulator.email(NEW)
  await emulator.fault({
    method: 'POST',
    path: `/v1/me/email_addresses/${id}/prepare_verification`,
    status: 429,
  })
  const answered = page.waitForResponse((r) => r.url().includes('/prepare_verification'))
  await tabTo(page, resend)
  await page.keyboard.press('Enter')
  const response = await answered
  expect(response.status()).toBe(429)
  // Readable across origins only because the emulator lists it in Access-Control-Expose-Headers.
  expect(await response.headerValue('retry-after')).toBe('1')
  await expect(resend).toHaveText('Resend in 1s')
  await expect(resend).toHaveAttribute('aria-disabled', 'true')
  await expect(ui.manager.locator('[data-slot="rea-prepare-verification-error"]')).toHaveText(
    'Too many requests. Please wait a moment and try again.',
  )
  await checkpoint(page, 'resend-429')

  await page.clock.runFor(1500)
  await expect(resend).toHaveText('Resend code')
  await expect(resend).toBeEnabled()
  const sent = (await emulator.outbox()).length
  await tabTo(page, resend)
  await page.keyboard.press('Enter')
  await expect(resend).toHaveText(/^Resend in (29|30)s$/)
  await expect.poll(async () => (await emulator.outbox()).length).toBe(sent + 1)
})

test("the emulator's own resend throttle: the countdown shows its Retry-After", async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.clock.install()
  await page.goto(demoUrl)
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type(NEW)
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
  const resend = ui.manager.locator(
    '[data-slot="rea-email-address-manager-verify"] > [data-slot="rea-prepare-verification"] > button',
  )
  // Only the page's clock moves: the page allows a resend, the emulator (30 s throttle) still refuses.
  await page.clock.fastForward('00:20')
  await emulator.advanceClock(20_000)
  await page.clock.fastForward('00:11')
  await expect(resend).toHaveText('Resend code')
  const answered = page.waitForResponse((r) => r.url().includes('/prepare_verification'))
  await tabTo(page, resend)
  await page.keyboard.press('Enter')
  const response = await answered
  expect(response.status()).toBe(429)
  const retryAfter = Number(await response.headerValue('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(8)
  expect(retryAfter).toBeLessThanOrEqual(10)
  // The countdown starts at the server's number (it may have ticked once since).
  await expect(resend).toHaveText(new RegExp(`^Resend in (${retryAfter}|${retryAfter - 1})s$`))
  await expect(ui.manager.locator('[data-slot="rea-prepare-verification-error"]')).toHaveText(
    'Please wait a moment before asking for another code.',
  )
})

test('a connection reset before the server on delete: the row comes back, checked against the server', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await emulator.reset({
    users: [
      {
        first_name: 'Jane',
        last_name: 'Doe',
        email_addresses: [
          { email_address: 'jane@example.com', verified: true, primary: true },
          { email_address: 'old@example.com', verified: true },
        ],
      },
    ],
  })
  await page.goto(demoUrl)
  await expect(ui.rows).toHaveCount(2)
  const { id } = await emulator.email('old@example.com')
  // Chromium silently sends a request again when a reused keep-alive connection closes before any
  // answer; with `times: 1` that second try reaches the emulator and the delete succeeds. Two drops
  // make the failure reach the page, as a real outage would.
  await emulator.fault({
    method: 'DELETE',
    path: `/v1/me/email_addresses/${id}`,
    drop: true,
    times: 2,
  })

  await tabTo(page, ui.row('old@example.com').getByRole('button', { name: 'Remove' }))
  await page.keyboard.press('Enter') // the confirmation opens on "Cancel"
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  // The answer was lost, so the page asked the server (one GET /v1/me): the address is still there.
  await expect(ui.alert).toHaveText(
    'old@example.com: The server’s answer did not come through, so we checked your account: the change was not made, and the list is up to date. You can try again.',
  )
  await expect(ui.rows).toHaveCount(2)
  await expect(ui.badges('old@example.com')).toHaveText(['Verified'])
  await expect(ui.row('old@example.com').getByRole('button', { name: 'Remove' })).toBeEnabled()
  expect((await emulator.me()).email_addresses).toHaveLength(2)
  await checkpoint(page, 'delete-dropped')
})

test('a 401 ends the session: the signed-out screen shows', async ({ page, emulator, demoUrl }) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await emulator.fault({ method: 'POST', path: '/v1/me/email_addresses', status: 401 })
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type(NEW)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveText(
    'Your session has ended (authentication_invalid). Sign in again to manage your email addresses.',
  )
  await checkpoint(page, 'signed-out')
})
