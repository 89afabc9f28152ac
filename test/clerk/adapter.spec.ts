/**
 * The adapter end to end: Clerk's React SDK with the real clerk-js, and our hooks under
 * `ClerkEmailAddressesProvider`, on one page against the emulator. A change on either side shows on
 * the other, and each direction costs no request beyond the mutation itself.
 */
import { cachedSessions, clerkRows, openApp, ourRows, type PageGlobals } from './support/app-page'
import { apiCalls, expect, test } from './support/fixtures'

test('our mutations show in clerk-js, clerk-js mutations show in our hooks, at no extra request', async ({
  page,
  fapi,
  requests,
}) => {
  const server = await openApp(page, fapi.url)
  try {
    await expect(clerkRows(page)).toHaveText(['jane@example.com verified primary'])
    await expect(ourRows(page)).toHaveText(['jane@example.com verified primary'])
    // Our list came from clerk.user: clerk-js's three load requests, and no GET /v1/me.
    expect(apiCalls(requests)).toEqual([
      'POST /v1/dev_browser',
      'PATCH /v1/environment',
      'GET /v1/client',
    ])
    const loaded = apiCalls(requests).length

    // Ours → clerk-js: create, prepare, attempt, make primary.
    const id = await page.evaluate(async () => {
      const { app } = window as unknown as PageGlobals
      const { emailAddress } = await app.create({ emailAddress: 'ours@example.com' })
      await app.prepare({ id: emailAddress.id, strategy: 'email_code' })
      return emailAddress.id
    })
    await expect(clerkRows(page)).toHaveText([
      'jane@example.com verified primary',
      'ours@example.com unverified',
    ])
    const code = fapi.emulator.latestMessage('ours@example.com')!.code!
    await page.evaluate(
      async ([id, code]) => {
        const { app } = window as unknown as PageGlobals
        await app.attempt({ id, code })
        await app.setPrimary({ id })
      },
      [id, code] as const,
    )
    await expect(clerkRows(page)).toHaveText([
      'jane@example.com verified',
      'ours@example.com verified primary',
    ])
    // Our requests ride on clerk-js's dev browser and session: no second dev browser was created.
    const tokens = requests
      .filter((r) => r.path !== '/v1/dev_browser')
      .map((r) => r.query.get('__clerk_db_jwt'))
    expect(tokens[0]).toBeTruthy()
    expect(tokens.filter((t) => t !== tokens[0])).toEqual([])
    for (const r of requests.filter((r) => r.path.startsWith('/v1/me'))) {
      expect(r.query.get('_clerk_session_id')).toBe(fapi.emulator.signedIn.sessionId)
    }
    // Exactly the four mutations: clerk-js took each answer's client, nobody refetched.
    expect(apiCalls(requests).slice(loaded)).toEqual([
      'POST /v1/me/email_addresses/',
      `POST /v1/me/email_addresses/${id}/prepare_verification`,
      `POST /v1/me/email_addresses/${id}/attempt_verification`,
      'PATCH /v1/me',
    ])

    // clerk-js → ours: Clerk's own resource methods, as <UserProfile/> calls them.
    const mark = apiCalls(requests).length
    await page.evaluate(async () => {
      const { Clerk } = window as unknown as PageGlobals
      await Clerk.user!.createEmailAddress({ email: 'theirs@example.com' })
    })
    await expect(ourRows(page)).toHaveText([
      'jane@example.com verified',
      'ours@example.com verified primary',
      'theirs@example.com none',
    ])
    await page.evaluate(async () => {
      const { Clerk } = window as unknown as PageGlobals
      const jane = Clerk.user!.emailAddresses.find((e) => e.emailAddress === 'jane@example.com')!
      await jane.destroy()
    })
    await expect(ourRows(page)).toHaveText([
      'ours@example.com verified primary',
      'theirs@example.com none',
    ])
    // Only clerk-js's own two requests: our hooks did not refetch.
    expect(apiCalls(requests).slice(mark)).toEqual([
      'POST /v1/me/email_addresses/',
      expect.stringMatching(/^DELETE \/v1\/me\/email_addresses\/idn_/),
    ])
  } finally {
    await server.close()
  }
})

test('sign-out through clerk-js: our hooks leave the session, and its data leaves the cache', async ({
  page,
  fapi,
}) => {
  const server = await openApp(page, fapi.url)
  try {
    await expect(ourRows(page)).toHaveText(['jane@example.com verified primary'])
    expect(await cachedSessions(page)).toEqual([fapi.emulator.signedIn.sessionId])

    // A callback instead of a redirect keeps the page (clerk-js otherwise navigates away).
    await page.evaluate(() => (window as unknown as PageGlobals).Clerk.signOut(() => undefined))
    await expect(page.getByTestId('ours-signed-out')).toBeVisible()
    await expect(clerkRows(page)).toHaveCount(0)
    expect(await cachedSessions(page)).toEqual([])
  } finally {
    await server.close()
  }
})
