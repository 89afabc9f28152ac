/**
 * The demo's step-up, keyboard only: with "Ask me to confirm it's me" on, the emulator answers a
 * make-primary with 403 `session_reverification_required`; the provider's `onReverificationRequired`
 * opens the demo's dialog, which runs the emulator's real reverification (verify, prepare and
 * attempt a first factor by email code). A wrong code is refused on the field; the right one retries
 * the change once, and the step-up stays fresh for the removal that follows. Escape gives up: the
 * change is undone and the reason announced.
 */
import type { Page } from '@playwright/test'
import { checkpoint, demoPage, type Emulator, expect, tabTo, test } from './support'

const TWO_VERIFIED = {
  users: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      email_addresses: ['jane@example.com', 'jane.work@example.com'],
    },
  ],
}

/** The newest step-up code the emulator sent to `to`. */
async function stepUpCode(emulator: Emulator, to: string): Promise<string> {
  await expect
    .poll(async () => (await stepUpMessages(emulator, to)).length, { message: 'a step-up code' })
    .toBeGreaterThan(0)
  const code = (await stepUpMessages(emulator, to)).at(-1)?.code
  if (!code) {
    throw new Error(`no step-up code for ${to}`)
  }
  return code
}

async function stepUpMessages(emulator: Emulator, to: string) {
  const outbox = (await emulator.outbox()) as {
    to: string
    purpose?: string
    code: string | null
  }[]
  return outbox.filter((m) => m.to === to && m.purpose === 'reverification')
}

/** Turns the demo's switch on, by keyboard, and checks the emulator took it. */
async function switchStepUpOn(page: Page, emulator: Emulator) {
  const box = page.getByRole('checkbox', { name: /confirm it's me/ })
  await expect(box).toBeEnabled()
  await tabTo(page, box)
  await page.keyboard.press('Space')
  await expect(box).toBeChecked()
  const response = await fetch(`${emulator.url}/__emulator/settings`)
  expect(
    ((await response.json()) as { reverificationRequired: string[] }).reverificationRequired,
  ).toEqual(['set_primary_email_address', 'delete_email_address'])
}

test('a change that needs a recent sign-in asks for a code, then goes through', async ({
  page,
  emulator,
  demoUrl,
}) => {
  await emulator.reset(TWO_VERIFIED)
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await expect(ui.rows).toHaveCount(2)
  await switchStepUpOn(page, emulator)

  await tabTo(page, ui.row('jane.work@example.com').getByRole('button', { name: 'Make primary' }))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" })
  const field = dialog.getByLabel('Verification code')
  await expect(field).toBeFocused()
  await expect(dialog).toContainText('We sent a code to')
  await checkpoint(page, 'step-up-open')

  const code = await stepUpCode(emulator, 'jane@example.com')
  await page.keyboard.type(code === '000000' ? '111111' : '000000')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText(
    'That code is not right. Check it and try again.',
  )
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toBeFocused()
  await checkpoint(page, 'step-up-wrong-code')

  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(code)
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(ui.badges('jane.work@example.com')).toHaveText(['Primary', 'Verified'])
  await expect(ui.status).toHaveText('jane.work@example.com is now your primary email address.')
  const work = await emulator.email('jane.work@example.com')
  expect((await emulator.me()).primary_email_address_id).toBe(work.id)

  // Fresh for a while: the removal that follows needs no second code.
  await tabTo(page, ui.row('jane@example.com').getByRole('button', { name: 'Remove' }))
  await page.keyboard.press('Enter')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(ui.rows).toHaveCount(1)
  await expect
    .poll(async () => (await emulator.me()).email_addresses.map((e) => e.email_address))
    .toEqual(['jane.work@example.com'])
  await expect(dialog).toBeHidden()
  expect(await stepUpMessages(emulator, 'jane@example.com')).toHaveLength(1)
})

test('Escape gives up the step-up: the change is undone and the reason said', async ({
  page,
  emulator,
  demoUrl,
}) => {
  await emulator.reset(TWO_VERIFIED)
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await expect(ui.rows).toHaveCount(2)
  await switchStepUpOn(page, emulator)

  const makePrimary = ui.row('jane.work@example.com').getByRole('button', { name: 'Make primary' })
  await tabTo(page, makePrimary)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" })
  await expect(dialog.getByLabel('Verification code')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(ui.badges('jane@example.com')).toHaveText(['Primary', 'Verified'])
  await expect(ui.alert).toHaveText(
    'jane.work@example.com: Please confirm it is you, then try again.',
  )
  const jane = await emulator.email('jane@example.com')
  expect((await emulator.me()).primary_email_address_id).toBe(jane.id)
  await checkpoint(page, 'step-up-cancelled')
})
