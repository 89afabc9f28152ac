/**
 * The adapter across session changes: clerk-js switching sessions, and a session that must reverify.
 */
import { cachedSessions, clerkRows, openApp, ourRows, type PageGlobals } from './support/app-page'
import { apiCalls, expect, test } from './support/fixtures'

test('a session switch in clerk-js moves our hooks to the new session, with no request and no leftovers', async ({
  page,
  fapi,
  requests,
}) => {
  fapi.emulator.reset({
    users: [{ email_addresses: ['jane@example.com'] }, { email_addresses: ['bob@example.com'] }],
  })
  const server = await openApp(page, fapi.url)
  try {
    await expect(ourRows(page)).toHaveText(['jane@example.com verified primary'])
    const janeSession = fapi.emulator.signedIn.sessionId
    const state = (await (await fetch(`${fapi.url}/__emulator/state`)).json()) as {
      user_ids: string[]
    }
    const added = await fetch(`${fapi.url}/__emulator/sessions`, {
      method: 'POST',
      body: JSON.stringify({ user_id: state.user_ids[1] }),
    })
    const { session_id: bobSession } = (await added.json()) as { session_id: string }

    // clerk-js learns of the second session from its client, then switches with its own setActive.
    await page.evaluate(async (session) => {
      const { Clerk } = window as unknown as PageGlobals
      await Clerk.client.reload()
      await Clerk.setActive({ session })
    }, bobSession)
    await expect(clerkRows(page)).toHaveText(['bob@example.com verified primary'])
    await expect(ourRows(page)).toHaveText(['bob@example.com verified primary'])

    const scopes = await cachedSessions(page)
    expect(scopes).toEqual([bobSession])
    expect(scopes).not.toContain(janeSession)
    // Our hooks read Bob from clerk.user: no GET /v1/me at all.
    expect(apiCalls(requests).filter((c) => c.startsWith('GET /v1/me'))).toEqual([])
  } finally {
    await server.close()
  }
})

test('session_reverification_required goes to Clerk reverification; without Clerk UI the call fails instead of hanging', async ({
  page,
  fapi,
}) => {
  fapi.emulator.reset({
    users: [{ email_addresses: ['jane@example.com'] }],
    settings: { reverificationRequired: ['create_email_address'] },
  })
  const server = await openApp(page, fapi.url)
  try {
    await expect(ourRows(page)).toHaveText(['jane@example.com verified primary'])
    type Outcome = { outcome: string }
    // Starts a create and keeps how it ended on the page: 'pending' until it settles.
    const create = () =>
      page.evaluate(() => {
        const globals = window as unknown as PageGlobals & Outcome
        globals.outcome = 'pending'
        void globals.app.create({ emailAddress: 'step-up@example.com' }).then(
          () => (globals.outcome = 'created'),
          (error: { code?: string }) => (globals.outcome = error.code ?? 'no code'),
        )
      })
    const outcome = () => page.evaluate(() => (window as unknown as Outcome).outcome)
    // Headless clerk-js has no modal to open: Clerk throws, and the adapter cancels. A call that hung
    // would stay 'pending', and the poll would report that.
    await create()
    await expect.poll(outcome).toBe('session_reverification_required')
    fapi.emulator.reverify()
    await create()
    await expect.poll(outcome).toBe('created')
    await expect(clerkRows(page)).toHaveText([
      'jane@example.com verified primary',
      'step-up@example.com none',
    ])
  } finally {
    await server.close()
  }
})

test('with Clerk’s UI loaded, our call’s 403 opens Clerk’s reverification modal; after its code the call goes through', async ({
  page,
  fapi,
}) => {
  fapi.emulator.reset({
    users: [{ email_addresses: ['jane@example.com'] }],
    settings: { reverificationRequired: ['create_email_address'] },
  })
  const server = await openApp(page, fapi.url, { ui: true })
  try {
    await expect(ourRows(page)).toHaveText(['jane@example.com verified primary'])
    const created = page.evaluate(() =>
      (window as unknown as PageGlobals).app
        .create({ emailAddress: 'step-up@example.com' })
        .then((result) => result.emailAddress.id),
    )
    // The emulator's real step-up, through Clerk's own modal: a code to Jane's address.
    const modal = page.getByRole('dialog')
    await expect(modal.getByRole('heading', { name: 'Verification required' })).toBeVisible()
    await expect
      .poll(() => fapi.emulator.latestMessage('jane@example.com')?.purpose)
      .toBe('reverification')
    await modal
      .getByRole('textbox', { name: 'Enter verification code' })
      .pressSequentially(fapi.emulator.latestMessage('jane@example.com')!.code!)
    expect(await created).toMatch(/^idn_/)
    await expect(modal).toHaveCount(0)
    await expect(clerkRows(page)).toHaveText([
      'jane@example.com verified primary',
      'step-up@example.com none',
    ])
  } finally {
    await server.close()
  }
})
