/**
 * The whole lifecycle in the demo, keyboard only: add an address, read the code the emulator "sent",
 * type it, make the new address primary, remove the old one. After each step: the list, the badges,
 * where focus is, and what the emulator holds.
 */
import { checkpoint, demoPage, expect, tabTo, test } from './support'

test('add, verify, make primary and remove, with the keyboard alone', async ({
  page,
  context,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await expect(ui.rows).toHaveCount(1)
  await expect(ui.badges('jane@example.com')).toHaveText(['Primary', 'Verified'])
  await expect(ui.row('jane@example.com').getByRole('button', { name: 'Remove' })).toBeDisabled()
  // The page talked to the emulator's origin with credentials: its HttpOnly client cookie is set there.
  const cookies = await context.cookies(emulator.url)
  expect(cookies.find((c) => c.name === '__client')).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
  })
  await checkpoint(page, 'list')

  // 1. Add: the button opens the form with focus in the field.
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await expect(ui.emailInput).toBeFocused()
  await checkpoint(page, 'add-form')

  await page.keyboard.type('jane.work@example.com')
  const created = page.waitForResponse(
    (r) => r.url().includes('/v1/me/email_addresses') && r.request().method() === 'POST',
  )
  await page.keyboard.press('Enter')
  const response = await created
  // A real cross-origin answer: the exact origin echoed, credentials allowed (PROTOCOL §1.11).
  expect(response.headers()['access-control-allow-origin']).toBe(new URL(demoUrl).origin)
  expect(response.headers()['access-control-allow-credentials']).toBe('true')

  // 2. The code was sent: the code field has focus, the new row is unverified.
  await expect(ui.codeInput).toBeFocused()
  await expect(ui.badges('jane.work@example.com')).toHaveText(['Unverified'])
  await expect(ui.manager.getByRole('button', { name: /Resend in \d+s/ })).toBeVisible()
  const pending = await emulator.email('jane.work@example.com')
  expect(pending.verification).toMatchObject({ status: 'unverified', strategy: 'email_code' })
  await checkpoint(page, 'code-sent')

  // 3. Type the code: it is checked on the last digit.
  await page.keyboard.type(await emulator.code('jane.work@example.com'))
  await expect(
    ui.manager
      .getByRole('status')
      .filter({ hasText: 'jane.work@example.com is verified.' })
      .first(),
  ).toBeVisible()
  const done = ui.manager.getByRole('button', { name: 'Done' })
  await expect(done).toBeFocused()
  await expect(ui.badges('jane.work@example.com')).toHaveText(['Verified'])
  expect((await emulator.email('jane.work@example.com')).verification?.status).toBe('verified')
  await checkpoint(page, 'verified')

  await page.keyboard.press('Enter')
  await expect(ui.addButton).toBeFocused()

  // 4. Make it primary: focus lands on its row, which moves to the top with the Primary badge.
  await tabTo(page, ui.row('jane.work@example.com').getByRole('button', { name: 'Make primary' }))
  await page.keyboard.press('Enter')
  await expect(ui.row('jane.work@example.com')).toBeFocused()
  await expect(ui.rows.first()).toContainText('jane.work@example.com')
  await expect(ui.badges('jane.work@example.com')).toHaveText(['Primary', 'Verified'])
  await expect(ui.badges('jane@example.com')).toHaveText(['Verified'])
  await expect(ui.status).toHaveText('jane.work@example.com is now your primary email address.')
  const me = await emulator.me()
  expect(me.primary_email_address_id).toBe(pending.id)
  await checkpoint(page, 'made-primary')

  // 5. Remove the old one: a confirmation step, then the row leaves and focus stays in the list.
  await tabTo(page, ui.row('jane@example.com').getByRole('button', { name: 'Remove' }))
  await page.keyboard.press('Enter')
  const confirm = ui.row('jane@example.com').getByRole('group', { name: 'Remove' })
  await expect(confirm).toContainText('Remove jane@example.com?')
  // Focus starts on the safe choice, so a second Enter does not delete.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await checkpoint(page, 'confirm-remove')
  await page.keyboard.press('Shift+Tab')
  await expect(confirm.getByRole('button', { name: 'Remove' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(ui.rows).toHaveCount(1)
  await expect(ui.list).toBeFocused()
  await expect(ui.status).toHaveText('jane@example.com was removed.')
  await expect(
    ui.row('jane.work@example.com').getByRole('button', { name: 'Remove' }),
  ).toBeDisabled()
  await expect
    .poll(async () => (await emulator.me()).email_addresses.map((e) => e.email_address))
    .toEqual(['jane.work@example.com'])
  // The headless panel reads the same cache.
  await expect(ui.headless.getByRole('listitem')).toHaveText([
    'jane.work@example.com · primary · verified',
  ])
  await checkpoint(page, 'removed')
})

test('the panel built from the hooks runs the same lifecycle, and the component follows', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  const panel = ui.headless
  await tabTo(page, panel.getByLabel('New email address'))
  await page.keyboard.type('jane.hooks@example.com')
  await page.keyboard.press('Enter')
  const codeField = panel.getByLabel('Code sent to jane.hooks@example.com')
  await expect(codeField).toBeVisible()
  await tabTo(page, codeField)
  await page.keyboard.type(await emulator.code('jane.hooks@example.com'))
  await page.keyboard.press('Enter')
  await expect(panel.getByRole('status')).toHaveText(
    'jane.hooks@example.com is verified. Add another',
  )
  await expect(panel.getByRole('listitem')).toHaveText([
    'jane@example.com · primary · verified Remove',
    'jane.hooks@example.com · verified Make primary Remove',
  ])
  // One cache: the drop-in list shows it too, verified.
  await expect(ui.badges('jane.hooks@example.com')).toHaveText(['Verified'])
  expect((await emulator.email('jane.hooks@example.com')).verification?.status).toBe('verified')
  await checkpoint(page, 'hooks-verified')

  // Make primary and remove from the panel: the hooks' optimistic change, then the server's answer.
  await tabTo(page, panel.getByRole('button', { name: 'Make primary jane.hooks@example.com' }))
  await page.keyboard.press('Enter')
  await expect(ui.badges('jane.hooks@example.com')).toHaveText(['Primary', 'Verified'])
  await expect
    .poll(async () => (await emulator.me()).primary_email_address_id)
    .toBe((await emulator.email('jane.hooks@example.com')).id)
  await tabTo(page, panel.getByRole('button', { name: 'Remove jane@example.com' }))
  await page.keyboard.press('Enter')
  await expect(panel.getByRole('listitem')).toHaveText([
    'jane.hooks@example.com · primary · verified',
  ])
  await expect(ui.rows).toHaveCount(1)
  await expect
    .poll(async () => (await emulator.me()).email_addresses.map((e) => e.email_address))
    .toEqual(['jane.hooks@example.com'])
})
