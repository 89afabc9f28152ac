/**
 * Keyboard users must never be dropped on <body>: a button disabled while its request runs would
 * lose focus (the add form returns focus to its input; the resend button uses aria-disabled).
 */
import type { Page } from '@playwright/test'
import { demoPage, expect, tabTo, test } from './support'

const focusIsLost = (page: Page) => page.evaluate(() => document.activeElement === document.body)

test('after a failed create sent from the submit button, focus is not lost', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await emulator.fault({ method: 'POST', path: '/v1/me/email_addresses', status: 500 })
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type('jane.work@example.com')
  await tabTo(page, ui.manager.getByRole('button', { name: 'Add email address' }))
  await page.keyboard.press('Enter')
  await expect(ui.manager.locator('[data-slot="rea-add-email-form-error"]')).toBeVisible()
  expect(await focusIsLost(page)).toBe(false)
})

test('after pressing "Resend code", focus is not lost', async ({ page, emulator, demoUrl }) => {
  const ui = demoPage(page)
  await page.clock.install()
  await page.goto(demoUrl)
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type('jane.work@example.com')
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
  await page.clock.fastForward('00:31')
  await emulator.advanceClock(31_000)
  const resend = ui.manager.locator(
    '[data-slot="rea-email-address-manager-verify"] > [data-slot="rea-prepare-verification"] > button',
  )
  await tabTo(page, resend)
  await page.keyboard.press('Enter')
  await expect(resend).toHaveText(/^Resend in \d+s$/)
  expect(await focusIsLost(page)).toBe(false)
})
