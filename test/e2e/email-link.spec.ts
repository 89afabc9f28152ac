/**
 * Verifying by email link: the link, opened in a second tab, lands on the demo's `/verified` page
 * (`EmailLinkLanding`), and the first tab turns verified by itself (it polls the address).
 */
import { pageUrl } from '../../playground/routes.mjs'
import { checkpoint, demoPage, expect, tabTo, test } from './support'

const NEW = 'jane.link@example.com'

test('an email link opened in a second tab verifies the address in the first', async ({
  page,
  context,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  // Choose links with the keyboard: Tab to the radio group, arrow to "a link".
  await tabTo(page, page.getByRole('radio', { name: 'a code' }))
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: 'a link' })).toBeChecked()

  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type(NEW)
  await page.keyboard.press('Enter')
  const pending = ui.manager.locator('[data-slot="rea-email-link-pending"]')
  await expect(pending).toContainText('Check your inbox')
  await expect(pending).toContainText(`Open the link we sent to ${NEW}.`)
  await expect(ui.badges(NEW)).toHaveText(['Unverified'])
  const message = await emulator.latest(NEW)
  expect(message.strategy).toBe('email_link')
  expect((await emulator.email(NEW)).verification).toMatchObject({
    strategy: 'email_link',
    status: 'unverified',
  })
  await checkpoint(page, 'link-sent')

  // The second tab: the emulator's /v1/verify answers 303 to the demo's /verified page.
  const second = await context.newPage()
  await second.goto(message.link ?? '')
  await expect(second).toHaveURL(pageUrl(demoUrl, 'verified', { __clerk_status: 'verified' }))
  await expect(second.locator('[data-slot="rea-email-link-landing"]')).toHaveText(
    'Your email address is verified. You can close this tab and go back.',
  )
  await checkpoint(second, 'landing')
  await second.close()

  // The first tab, untouched: it learns by polling and shows the done step.
  await expect(ui.manager.getByRole('button', { name: 'Done' })).toBeVisible()
  await expect(ui.manager.locator('[data-slot="rea-email-address-manager-done"]')).toContainText(
    `${NEW} is verified.`,
  )
  await expect(ui.badges(NEW)).toHaveText(['Verified'])
  expect((await emulator.email(NEW)).verification?.status).toBe('verified')
  await checkpoint(page, 'link-verified')
})
