/**
 * The code step's other paths: a pasted "123 456" code, a wrong code then the right one, and an
 * expired code with a resend (the countdown shown). Keyboard only.
 */
import type { Page } from '@playwright/test'
import { checkpoint, demoPage, type Emulator, expect, tabTo, test } from './support'

const NEW = 'jane.work@example.com'

/** Opens the add form with the keyboard and submits `address`; the code step has focus after. */
async function addAddress(page: Page, address: string) {
  const ui = demoPage(page)
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await expect(ui.emailInput).toBeFocused()
  await page.keyboard.type(address)
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
}

async function expectVerified(page: Page, emulator: Emulator) {
  const ui = demoPage(page)
  await expect(ui.manager.getByRole('button', { name: 'Done' })).toBeFocused()
  await expect(ui.badges(NEW)).toHaveText(['Verified'])
  expect((await emulator.email(NEW)).verification?.status).toBe('verified')
}

test('a pasted "123 456" code is cleaned and checked', async ({
  page,
  context,
  emulator,
  demoUrl,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl })
  await page.goto(demoUrl)
  await addAddress(page, NEW)
  const code = await emulator.code(NEW)
  const spaced = `${code.slice(0, 3)} ${code.slice(3)}`
  await page.evaluate((text) => navigator.clipboard.writeText(text), spaced)
  await page.keyboard.press('Control+V')
  await expectVerified(page, emulator)
  await checkpoint(page, 'pasted-and-verified')
})

/** Types a wrong code (the real one with its first digit changed); returns both. */
async function typeWrongCode(page: Page, emulator: Emulator) {
  const code = await emulator.code(NEW)
  const wrong = code.replace(/^./, (d) => String((Number(d) + 1) % 10))
  await page.keyboard.type(wrong)
  await expect(demoPage(page).verify.getByRole('alert')).toHaveText(
    'That code is not right. Check it and try again.',
  )
  return { code, wrong }
}

test('a wrong code shows an error on the field and keeps the digits; the right one then works', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await addAddress(page, NEW)
  const { code, wrong } = await typeWrongCode(page, emulator)
  await expect(ui.codeInput).toHaveAttribute('aria-invalid', 'true')
  const describedBy = (await ui.codeInput.getAttribute('aria-describedby')) ?? ''
  const errorId = await ui.verify.locator('[data-slot="rea-field-error"]').getAttribute('id')
  expect(describedBy.split(' ')).toContain(errorId)
  await expect(ui.codeInput).toHaveValue(wrong)
  expect((await emulator.email(NEW)).verification?.status).toBe('unverified')
  await checkpoint(page, 'wrong-code')

  // Focus stays in the field with the digits selected, so typing the right code replaces them.
  await expect(ui.codeInput).toBeFocused()
  expect(
    await ui.codeInput.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]),
  ).toEqual([0, 6])
  await page.keyboard.type(code)
  await expectVerified(page, emulator)
  await checkpoint(page, 'right-code')
})

test('an expired code offers a resend with a countdown, and the new code works', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  // The page's clock and the emulator's move together: the code's expiry is the server's `expire_at`.
  await page.clock.install()
  await page.goto(demoUrl)
  await addAddress(page, NEW)
  const expiry = ui.manager.locator('[data-slot="rea-prepare-verification-expiry"]')
  await expect(expiry).toHaveText('The code expires in 10:00.')
  const oldCode = await emulator.code(NEW)

  await emulator.advanceClock(11 * 60_000)
  await page.clock.fastForward('11:00')
  await expect(expiry).toHaveText('The code has expired. Send a new one.')
  await tabTo(page, ui.codeInput)
  await page.keyboard.type(oldCode)
  await expect(ui.verify.getByRole('alert')).toHaveText('The code has expired. Send a new one.')
  expect((await emulator.email(NEW)).verification?.status).toBe('expired')
  await checkpoint(page, 'code-expired')

  // Resend with the step's button: the countdown starts, the expiry resets, the field empties.
  const resend = ui.manager.locator(
    '[data-slot="rea-email-address-manager-verify"] > [data-slot="rea-prepare-verification"] > button',
  )
  await expect(resend).toHaveText('Resend code')
  await tabTo(page, resend)
  await page.keyboard.press('Enter')
  await expect(resend).toHaveText('Resend in 30s')
  await expect(resend).toHaveAttribute('aria-disabled', 'true')
  await expect(expiry).toHaveText('The code expires in 10:00.')
  await expect(ui.codeInput).toHaveValue('')
  await expect(ui.verify.getByRole('alert')).toBeHidden()
  await checkpoint(page, 'resent-countdown')
  // It counts down (the page's clock also runs on its own, so by at least the 3 s we move it).
  await page.clock.runFor(3000)
  await expect(resend).toHaveText(/^Resend in (1\d|2[0-7])s$/)

  const newCode = await emulator.code(NEW, 1)
  expect(newCode).not.toBe(oldCode)
  // Back to the field (focus is on <body> after the resend: the bug focus.spec.ts pins down).
  await tabTo(page, ui.codeInput)
  await page.keyboard.type(newCode)
  await expectVerified(page, emulator)
})
