/**
 * Clerk's own prebuilt `<UserProfile/>` (`@clerk/ui` 1.36 on clerk-js 6.40) against the emulator, driven
 * through Clerk's UI only, the way a person would: the strictest client there is, written by no one
 * here. Nothing may leave the machine (every non-loopback request is aborted and recorded) and nothing
 * may go wrong besides the 4xx answers each test provokes on purpose.
 */
import type { Locator } from '@playwright/test'
import type { UserJSON } from '../../src/api/wire-types'
import type { FapiEmulator } from '../../src/testing/index'
import { apiCalls, expect, type Page, test } from './support/fixtures'
import { openUserProfile, row, type UserProfilePage } from './support/user-profile-page'

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

/**
 * Mounts `<UserProfile/>`, runs `steps`, then checks the seal: nothing left the machine, no console
 * or page error but the `expected4xx` lines the steps provoked, and no answer the emulator could not
 * give (404, 405, 5xx). The page server is closed either way.
 */
async function withUserProfile(
  page: Page,
  fapiUrl: string,
  expected4xx: number,
  steps: (profile: UserProfilePage) => Promise<void>,
) {
  const profile = await openUserProfile(page, fapiUrl)
  try {
    await steps(profile)
    const { seal } = profile
    expect(seal.outside, 'requests that would have left the machine').toEqual([])
    expect(seal.errors, 'console and page errors').toEqual([])
    expect(seal.expected4xx, 'the 4xx answers provoked on purpose').toHaveLength(expected4xx)
    expect(
      seal.answers.filter((a) => /^(404|405|5\d\d) /.test(a)),
      'answers the emulator could not give',
    ).toEqual([])
  } finally {
    await profile.close()
  }
}

/** Opens "Add email address", types `address` and submits. */
async function addAddress(profile: UserProfilePage, address: string) {
  await profile.emails.getByRole('button', { name: 'Add email address' }).click()
  await profile.emails.getByLabel('Email address').fill(address)
  await profile.emails.getByRole('button', { name: 'Add', exact: true }).click()
}

/** The newest code the emulator sent to `to`, once it has sent `nth` of them. */
async function codeOf(emulator: FapiEmulator, to: string, nth = 1): Promise<string> {
  await expect
    .poll(() => emulator.outbox.filter((m) => m.to === to && m.code).length, `code ${nth} to ${to}`)
    .toBe(nth)
  return emulator.latestMessage(to)!.code!
}

/** Adds `address` and waits until Clerk asks for the code the emulator sent; returns the code. */
async function addAndAwaitCode(profile: UserProfilePage, emulator: FapiEmulator, address: string) {
  await addAddress(profile, address)
  await expect(
    profile.emails.getByText(`Enter the verification code sent to ${address}`),
  ).toBeVisible()
  return codeOf(emulator, address)
}

/** Clerk's code input (one textbox that takes the six digits and submits itself) in `scope`. */
function codeInput(scope: Locator) {
  return scope.getByRole('textbox', { name: 'Enter verification code' })
}

/**
 * Types a wrong code, sees Clerk's `error` on the field, and waits until Clerk empties the input again
 * (it does so 750 ms after a refusal), so the next code typed is not cut short by that reset.
 */
async function typeWrongCode(scope: Locator, right: string, error: string, onField = true) {
  await codeInput(scope).pressSequentially(right === '000000' ? '111111' : '000000')
  const shown = onField ? scope.locator('.cl-otpCodeFieldErrorText') : scope.getByText(error)
  await expect(shown).toHaveText(error)
  await expect(codeInput(scope)).toHaveValue('')
}

/** Opens an address's menu and picks `action`. */
async function menu(profile: UserProfilePage, address: string, action: string) {
  await row(profile.emails, address).getByRole('button', { name: 'Open menu' }).click()
  await profile.emails.page().getByRole('menuitem', { name: action }).click()
}

async function confirmRemove(profile: UserProfilePage) {
  await profile.emails.getByRole('button', { name: 'Remove', exact: true }).click()
}

/** The open card's "Cancel" (a card on its way out keeps a disabled one for a moment). */
function cancel(profile: UserProfilePage) {
  return profile.emails.locator('button:not([disabled])', { hasText: /^Cancel$/ })
}

test('add an address, read the code from the emulator, verify, make it primary, remove the old one', async ({
  page,
  fapi,
  requests,
}) => {
  await withUserProfile(page, fapi.url, 0, async (profile) => {
    const load = apiCalls(requests).length
    const code = await addAndAwaitCode(profile, fapi.emulator, 'new@example.com')
    await expect(row(profile.emails, 'new@example.com')).toContainText('Unverified')
    await codeInput(profile.emails).pressSequentially(code)
    await expect(codeInput(profile.emails)).toHaveCount(0)
    await expect(row(profile.emails, 'new@example.com')).not.toContainText('Unverified')

    await menu(profile, 'new@example.com', 'Set as primary')
    await expect(row(profile.emails, 'new@example.com')).toContainText('Primary')
    await expect(row(profile.emails, 'jane@example.com')).not.toContainText('Primary')

    await menu(profile, 'jane@example.com', 'Remove email')
    await expect(
      profile.emails.getByText('jane@example.com will be removed from this account.'),
    ).toBeVisible()
    await confirmRemove(profile)
    await expect(row(profile.emails, 'jane@example.com')).toHaveCount(0)

    expect(await serverUser(fapi.emulator)).toEqual({
      primary: 'new@example.com',
      emails: ['new@example.com verified'],
    })
    // One request per step, as clerk-js's resources send them (PROTOCOL §1.12).
    expect(apiCalls(requests).slice(load)).toEqual([
      'POST /v1/me/email_addresses/',
      expect.stringMatching(/^POST \/v1\/me\/email_addresses\/idn_\w+\/prepare_verification$/),
      expect.stringMatching(/^POST \/v1\/me\/email_addresses\/idn_\w+\/attempt_verification$/),
      'PATCH /v1/me',
      expect.stringMatching(/^DELETE \/v1\/me\/email_addresses\/idn_\w+$/),
    ])
  })
})

test('a wrong code is refused on the field, then the right one verifies', async ({
  page,
  fapi,
}) => {
  await withUserProfile(page, fapi.url, 1, async (profile) => {
    const code = await addAndAwaitCode(profile, fapi.emulator, 'typo@example.com')
    await typeWrongCode(profile.emails, code, 'Incorrect code')
    await expect(row(profile.emails, 'typo@example.com')).toContainText('Unverified')
    await codeInput(profile.emails).pressSequentially(code)
    await expect(codeInput(profile.emails)).toHaveCount(0)
    await expect(row(profile.emails, 'typo@example.com')).not.toContainText('Unverified')
    expect((await serverUser(fapi.emulator)).emails).toContain('typo@example.com verified')
  })
})

test('an expired code is refused; "Resend" sends a new one that verifies', async ({
  page,
  fapi,
}) => {
  // Clerk's resend button waits 30 s of the page's time: the page's clock is moved, never waited for.
  await page.clock.install()
  await withUserProfile(page, fapi.url, 1, async (profile) => {
    const first = await addAndAwaitCode(profile, fapi.emulator, 'late@example.com')
    fapi.emulator.clock.advance(11 * 60_000)
    // Typed as it was sent, so it is refused for its age: Clerk shows that for the whole card.
    await codeInput(profile.emails).pressSequentially(first)
    await expect(
      profile.emails.getByText('This verification has expired. You must create a new one.'),
    ).toBeVisible()
    await expect(codeInput(profile.emails)).toHaveValue('')
    const resend = profile.emails.getByRole('button', { name: /^Didn't receive a code\? Resend/ })
    await expect(resend).toBeDisabled()
    await page.clock.runFor(31_000)
    await expect(resend).toBeEnabled()
    await resend.click()
    const second = await codeOf(fapi.emulator, 'late@example.com', 2)
    await codeInput(profile.emails).pressSequentially(second)
    await expect(codeInput(profile.emails)).toHaveCount(0)
    expect((await serverUser(fapi.emulator)).emails).toContain('late@example.com verified')
  })
})

test('with links enabled, Clerk sends a link; opening it in another tab verifies the first tab', async ({
  page,
  context,
  fapi,
}) => {
  fapi.emulator.reset({ settings: { strategies: [...WITH_LINKS] } })
  await withUserProfile(page, fapi.url, 0, async (profile) => {
    await addAddress(profile, 'link@example.com')
    await expect(
      profile.emails.getByText(
        'Click on the verification link in the email sent to link@example.com',
      ),
    ).toBeVisible()
    await expect
      .poll(() => fapi.emulator.latestMessage('link@example.com')?.link)
      .toMatch(/\/v1\/verify\?token=/)
    const inbox = await context.newPage()
    await inbox.goto(fapi.emulator.latestMessage('link@example.com')!.link!)
    await expect(inbox.getByRole('heading', { name: 'Successfully verified email' })).toBeVisible()
    // The first tab polls GET /v1/me/email_addresses/{id} and sees it verified by itself.
    await expect(row(profile.emails, 'link@example.com')).not.toContainText('Unverified')
    expect((await serverUser(fapi.emulator)).emails).toContain('link@example.com verified')
  })
})

test('the last address cannot be removed, nor the last verified one: Clerk shows why', async ({
  page,
  fapi,
}) => {
  await withUserProfile(page, fapi.url, 2, async (profile) => {
    await menu(profile, 'jane@example.com', 'Remove email')
    await confirmRemove(profile)
    await expect(
      profile.emails.getByText('You cannot delete your last identification.'),
    ).toBeVisible()
    await cancel(profile).click()
    await expect(row(profile.emails, 'jane@example.com')).toContainText('Primary')

    // An unverified address beside it changes nothing: the primary stays (and stays primary).
    await addAndAwaitCode(profile, fapi.emulator, 'pending@example.com')
    await cancel(profile).click()
    await expect(codeInput(profile.emails)).toHaveCount(0)
    await menu(profile, 'jane@example.com', 'Remove email')
    await confirmRemove(profile)
    await expect(
      profile.emails.getByText(
        'You are required to maintain at least one email address in your account at all times',
      ),
    ).toBeVisible()
    expect(await serverUser(fapi.emulator)).toEqual({
      primary: 'jane@example.com',
      emails: ['jane@example.com verified', 'pending@example.com unverified'],
    })
  })
})

test('reverification: 403 → Clerk’s modal → a code from the emulator → the retried call succeeds', async ({
  page,
  fapi,
  requests,
}) => {
  fapi.emulator.reset({ settings: { reverificationRequired: ['create_email_address'] } })
  await withUserProfile(page, fapi.url, 2, async (profile) => {
    await addAddress(profile, 'stepup@example.com')
    const modal = page.getByRole('dialog')
    await expect(modal.getByRole('heading', { name: 'Verification required' })).toBeVisible()
    const code = await codeOf(fapi.emulator, 'jane@example.com')
    expect(fapi.emulator.latestMessage('jane@example.com')).toMatchObject({
      purpose: 'reverification',
      strategy: 'email_code',
    })
    await typeWrongCode(modal, code, 'Incorrect code')
    await codeInput(modal).pressSequentially(code)
    await expect(modal).toHaveCount(0)
    // The create was sent again and went through: Clerk now asks for the address's own code.
    await expect(
      profile.emails.getByText('Enter the verification code sent to stepup@example.com'),
    ).toBeVisible()
    const session = fapi.emulator.signedIn.sessionId
    const calls = apiCalls(requests)
    expect(calls).toEqual(
      expect.arrayContaining([
        `POST /v1/client/sessions/${session}/verify`,
        `POST /v1/client/sessions/${session}/verify/prepare_first_factor`,
        `POST /v1/client/sessions/${session}/verify/attempt_first_factor`,
      ]),
    )
    expect(calls.filter((call) => call === 'POST /v1/me/email_addresses/')).toHaveLength(2)
    expect(profile.seal.answers).toContain('403 POST /v1/me/email_addresses/')
    expect(profile.seal.answers).toContain(
      `422 POST /v1/client/sessions/${session}/verify/attempt_first_factor`,
    )
  })
})

test('Security: the device list is this browser; no password, no second factor, no "Delete account"', async ({
  page,
  fapi,
}) => {
  fapi.emulator.reset({
    users: [{ first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@sso.example'] }],
    settings: { ssoDomains: ['sso.example'] },
  })
  await withUserProfile(page, fapi.url, 0, async (profile) => {
    const enterprise = () =>
      profile.seal.answers.filter((a) => a.endsWith(' /v1/me/enterprise_connections'))
    await page.getByRole('button', { name: 'Security' }).click()
    const devices = page.locator('.cl-profileSection__activeDevices')
    await expect(devices).toContainText('This device')
    await expect(devices).toContainText(/Chrom\w* \d+/)
    await expect(page.getByText('Delete account')).toHaveCount(0)
    await expect(page.getByText('Password', { exact: true })).toHaveCount(0)
    await expect(page.getByText('Two-step verification')).toHaveCount(0)
    expect(profile.seal.answers).toContain('200 GET /v1/me/sessions/active')
    // With an enterprise connection on, Clerk's UI asks for the user's connections.
    await expect.poll(enterprise).not.toEqual([])
    expect(enterprise().every((a) => a.startsWith('200 '))).toBe(true)
  })
})
