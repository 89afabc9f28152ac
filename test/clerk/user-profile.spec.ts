/**
 * Clerk's own prebuilt `<UserProfile/>` (`@clerk/ui` 1.36 on clerk-js 6.40) against the emulator, driven
 * through Clerk's UI only, the way a person would: the strictest client there is, written by no one
 * here. Nothing may leave the machine (every non-loopback request is aborted and recorded) and nothing
 * may go wrong besides the 4xx answers each test provokes on purpose.
 */
import type { UserJSON } from '../../src/api/wire-types'
import type { FapiEmulator } from '../../src/testing/index'
import type { Locator } from '@playwright/test'
import { apiCalls, expect, type Page, test } from './support/fixtures'
import { openUserProfile, row, type Seal, type UserProfilePage } from './support/user-profile-page'

/** Every `settings.strategies` Clerk's UI can use; a fresh instance (the default) has codes only. */
const WITH_LINKS = ['email_code', 'email_link', 'enterprise_sso'] as const

/** What the emulator holds for the signed-in user (read without the page). */
async function serverUser(emulator: FapiEmulator) {
  const response = await emulator.fetch(new Request('http://fapi.test/v1/me'))
  const { response: user } = (await response.json()) as { response: UserJSON }
  const byId = new Map(user.email_addresses.map((e) => [e.id, e.email_address]))
  return {
    primary: byId.get(user.primary_email_address_id ?? '') ?? null,
    emails: user.email_addresses.map((e) => `${e.email_address} ${e.verification?.status ?? '-'}`),
  }
}

/** Nothing left the machine; no console or page error but the `expected` 4xx lines. */
function expectSealed(seal: Seal, expected4xx: number) {
  expect(seal.outside, 'requests that would have left the machine').toEqual([])
  expect(seal.errors, 'console and page errors').toEqual([])
  expect(seal.expected4xx, 'the 4xx answers provoked on purpose').toHaveLength(expected4xx)
  expect(
    seal.answers.filter((a) => /^(404|405|5\d\d) /.test(a)),
    'answers the emulator could not give',
  ).toEqual([])
}

/** Opens "Add email address", types `address` and submits. */
async function addAddress(page: Page, profile: UserProfilePage, address: string) {
  await profile.emails.getByRole('button', { name: 'Add email address' }).click()
  await profile.emails.getByLabel('Email address').fill(address)
  await profile.emails.getByRole('button', { name: 'Add', exact: true }).click()
}

function codeInput(profile: UserProfilePage) {
  return profile.emails.getByRole('textbox', { name: 'Enter verification code' })
}

/** The newest code the emulator sent to `to`, once Clerk's prepare has reached it. */
async function codeOf(emulator: FapiEmulator, to: string, nth = 1): Promise<string> {
  await expect
    .poll(() => emulator.outbox.filter((m) => m.to === to && m.code).length, `code ${nth} to ${to}`)
    .toBe(nth)
  return emulator.latestMessage(to)!.code!
}

/** The error Clerk shows under its code input. */
function codeError(scope: Locator) {
  return scope.locator('.cl-otpCodeFieldErrorText')
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000')

/** Opens an address's menu and picks `action`. */
async function menu(profile: UserProfilePage, address: string, action: string) {
  await row(profile.emails, address).getByRole('button', { name: 'Open menu' }).click()
  await profile.emails.page().getByRole('menuitem', { name: action }).click()
}

test('add an address, read the code from the emulator, verify, make it primary, remove the old one', async ({
  page,
  fapi,
  requests,
}) => {
  const profile = await openUserProfile(page, fapi.url)
  try {
    const load = apiCalls(requests).length
    await addAddress(page, profile, 'new@example.com')
    await expect(
      profile.emails.getByText('Enter the verification code sent to new@example.com'),
    ).toBeVisible()
    await expect(row(profile.emails, 'new@example.com')).toContainText('Unverified')
    // The code input takes the six digits and submits itself.
    await codeInput(profile).pressSequentially(await codeOf(fapi.emulator, 'new@example.com'))
    await expect(codeInput(profile)).toHaveCount(0)
    await expect(row(profile.emails, 'new@example.com')).not.toContainText('Unverified')

    await menu(profile, 'new@example.com', 'Set as primary')
    await expect(row(profile.emails, 'new@example.com')).toContainText('Primary')
    await expect(row(profile.emails, 'jane@example.com')).not.toContainText('Primary')

    await menu(profile, 'jane@example.com', 'Remove email')
    await expect(
      profile.emails.getByText('jane@example.com will be removed from this account.'),
    ).toBeVisible()
    await profile.emails.getByRole('button', { name: 'Remove', exact: true }).click()
    await expect(row(profile.emails, 'jane@example.com')).toHaveCount(0)

    expect(await serverUser(fapi.emulator)).toEqual({
      primary: 'new@example.com',
      emails: ['new@example.com verified'],
    })
    expect(apiCalls(requests).slice(load)).toEqual([
      'POST /v1/me/email_addresses/',
      expect.stringMatching(/^POST \/v1\/me\/email_addresses\/idn_\w+\/prepare_verification$/),
      expect.stringMatching(/^POST \/v1\/me\/email_addresses\/idn_\w+\/attempt_verification$/),
      'PATCH /v1/me',
      expect.stringMatching(/^DELETE \/v1\/me\/email_addresses\/idn_\w+$/),
    ])
    expectSealed(profile.seal, 0)
  } finally {
    await profile.close()
  }
})

test('a wrong code is refused on the field, then the right one verifies', async ({
  page,
  fapi,
}) => {
  const profile = await openUserProfile(page, fapi.url)
  try {
    await addAddress(page, profile, 'typo@example.com')
    const code = await codeOf(fapi.emulator, 'typo@example.com')
    await codeInput(profile).pressSequentially(wrong(code))
    await expect(codeError(profile.emails)).toHaveText('Incorrect code')
    await expect(row(profile.emails, 'typo@example.com')).toContainText('Unverified')
    await codeInput(profile).fill('')
    await codeInput(profile).pressSequentially(code)
    await expect(codeInput(profile)).toHaveCount(0)
    await expect(row(profile.emails, 'typo@example.com')).not.toContainText('Unverified')
    expect((await serverUser(fapi.emulator)).emails).toContain('typo@example.com verified')
    expectSealed(profile.seal, 1)
  } finally {
    await profile.close()
  }
})

test('an expired code is refused; "Resend" sends a new one that verifies', async ({
  page,
  fapi,
}) => {
  // Clerk's resend button waits 30 s of the page's time: the page's clock is moved, never waited for.
  await page.clock.install()
  const profile = await openUserProfile(page, fapi.url)
  try {
    await addAddress(page, profile, 'late@example.com')
    const first = await codeOf(fapi.emulator, 'late@example.com')
    fapi.emulator.clock.advance(11 * 60_000)
    await codeInput(profile).pressSequentially(first)
    // Not a field error: Clerk shows it for the whole card.
    await expect(
      profile.emails.getByText('This verification has expired. You must create a new one.'),
    ).toBeVisible()
    const resend = profile.emails.getByRole('button', { name: /^Didn't receive a code\? Resend/ })
    await expect(resend).toBeDisabled()
    await page.clock.runFor(31_000)
    await expect(resend).toBeEnabled()
    await resend.click()
    const second = await codeOf(fapi.emulator, 'late@example.com', 2)
    await codeInput(profile).fill('')
    await codeInput(profile).pressSequentially(second)
    await expect(codeInput(profile)).toHaveCount(0)
    expect((await serverUser(fapi.emulator)).emails).toContain('late@example.com verified')
    expectSealed(profile.seal, 1)
  } finally {
    await profile.close()
  }
})

test('with links enabled, Clerk sends a link; opening it in another tab verifies the first tab', async ({
  page,
  context,
  fapi,
}) => {
  fapi.emulator.reset({ settings: { strategies: [...WITH_LINKS] } })
  const profile = await openUserProfile(page, fapi.url)
  try {
    await addAddress(page, profile, 'link@example.com')
    await expect(
      profile.emails.getByText(
        'Click on the verification link in the email sent to link@example.com',
      ),
    ).toBeVisible()
    await expect
      .poll(() => fapi.emulator.latestMessage('link@example.com')?.link)
      .toMatch(/\/v1\/verify\?token=/)
    const link = fapi.emulator.latestMessage('link@example.com')?.link
    const inbox = await context.newPage()
    await inbox.goto(link!)
    await expect(inbox.getByRole('heading', { name: 'Successfully verified email' })).toBeVisible()
    // The first tab polls GET /v1/me/email_addresses/{id} and sees it verified by itself.
    await expect(row(profile.emails, 'link@example.com')).not.toContainText('Unverified')
    expect((await serverUser(fapi.emulator)).emails).toContain('link@example.com verified')
    expectSealed(profile.seal, 0)
  } finally {
    await profile.close()
  }
})

test('the last address cannot be removed, nor the last verified one: Clerk shows why', async ({
  page,
  fapi,
}) => {
  const profile = await openUserProfile(page, fapi.url)
  try {
    await menu(profile, 'jane@example.com', 'Remove email')
    await profile.emails.getByRole('button', { name: 'Remove', exact: true }).click()
    await expect(
      profile.emails.getByText('You cannot delete your last identification.'),
    ).toBeVisible()
    await profile.emails.getByRole('button', { name: 'Cancel' }).click()
    await expect(row(profile.emails, 'jane@example.com')).toContainText('Primary')

    // An unverified address beside it changes nothing: the primary stays (and stays primary).
    await addAddress(page, profile, 'pending@example.com')
    await profile.emails.getByRole('button', { name: 'Cancel' }).click()
    await menu(profile, 'jane@example.com', 'Remove email')
    await profile.emails.getByRole('button', { name: 'Remove', exact: true }).click()
    await expect(
      profile.emails.getByText(
        'You are required to maintain at least one email address in your account at all times',
      ),
    ).toBeVisible()
    expect(await serverUser(fapi.emulator)).toEqual({
      primary: 'jane@example.com',
      emails: ['jane@example.com verified', 'pending@example.com unverified'],
    })
    expectSealed(profile.seal, 2)
  } finally {
    await profile.close()
  }
})

test('reverification: 403 → Clerk’s modal → a code from the emulator → the retried call succeeds', async ({
  page,
  fapi,
  requests,
}) => {
  fapi.emulator.reset({ settings: { reverificationRequired: ['create_email_address'] } })
  const profile = await openUserProfile(page, fapi.url)
  try {
    await addAddress(page, profile, 'stepup@example.com')
    const modal = page.getByRole('dialog')
    await expect(modal.getByRole('heading', { name: 'Verification required' })).toBeVisible()
    const code = await codeOf(fapi.emulator, 'jane@example.com')
    expect(fapi.emulator.latestMessage('jane@example.com')).toMatchObject({
      purpose: 'reverification',
      strategy: 'email_code',
    })
    const input = modal.getByRole('textbox', { name: 'Enter verification code' })
    await input.pressSequentially(wrong(code))
    await expect(codeError(modal)).toHaveText('Incorrect code')
    await input.fill('')
    await input.pressSequentially(code)
    await expect(modal).toHaveCount(0)
    // The create was sent again and went through: Clerk now asks for the address's own code.
    await expect(
      profile.emails.getByText('Enter the verification code sent to stepup@example.com'),
    ).toBeVisible()
    const session = fapi.emulator.signedIn.sessionId
    expect(apiCalls(requests).filter((call) => !call.startsWith('GET /v1/client'))).toEqual(
      expect.arrayContaining([
        'POST /v1/me/email_addresses/',
        `POST /v1/client/sessions/${session}/verify`,
        `POST /v1/client/sessions/${session}/verify/prepare_first_factor`,
        `POST /v1/client/sessions/${session}/verify/attempt_first_factor`,
      ]),
    )
    expect(
      apiCalls(requests).filter((call) => call === 'POST /v1/me/email_addresses/'),
    ).toHaveLength(2)
    expect(profile.seal.answers).toContain('403 POST /v1/me/email_addresses/')
    expectSealed(profile.seal, 2)
  } finally {
    await profile.close()
  }
})

test('Security: the device list is this browser; no password, no second factor, no "Delete account"', async ({
  page,
  fapi,
}) => {
  fapi.emulator.reset({
    users: [{ first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@sso.example'] }],
    settings: { ssoDomains: ['sso.example'] },
  })
  const profile = await openUserProfile(page, fapi.url)
  try {
    await page.getByRole('button', { name: 'Security' }).click()
    const devices = page.locator('.cl-profileSection__activeDevices')
    await expect(devices).toContainText('This device')
    await expect(devices).toContainText(/Chrom\w* \d+/)
    await expect(page.getByText('Delete account')).toHaveCount(0)
    await expect(page.getByText('Password', { exact: true })).toHaveCount(0)
    await expect(page.getByText('Two-step verification')).toHaveCount(0)
    await expect
      .poll(() => profile.seal.answers.filter((a) => a.endsWith(' /v1/me/enterprise_connections')))
      .not.toEqual([])
    expect(profile.seal.answers).toContain('200 GET /v1/me/sessions/active')
    expect(
      profile.seal.answers
        .filter((a) => a.endsWith(' /v1/me/enterprise_connections'))
        .every((a) => a.startsWith('200 ')),
    ).toBe(true)
    expectSealed(profile.seal, 0)
  } finally {
    await profile.close()
  }
})
