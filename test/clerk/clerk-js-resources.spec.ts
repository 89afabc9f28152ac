/**
 * The emulator against a client no one here wrote: the real clerk-js 6.40 drives the whole
 * email-address lifecycle with its own resource methods, and `clerk.user` must show every step from
 * the piggybacked client alone, one request per call (PROTOCOL §1.9, §1.12).
 */
import { pageUrl } from '../../playground/routes.mjs'
import { openClerkPage, userView } from './support/clerk-page'
import { apiCalls, expect, test } from './support/fixtures'

test('load: dev browser, environment touch, client; signed in as the seeded user', async ({
  page,
  fapi,
  requests,
}) => {
  const app = await openClerkPage(page, fapi.url)
  try {
    expect(apiCalls(requests)).toEqual([
      'POST /v1/dev_browser',
      'PATCH /v1/environment',
      'GET /v1/client',
    ])
    const session = await app.clerk.evaluate((c) => c.session?.id ?? null)
    expect(session).toBe(fapi.emulator.signedIn.sessionId)
    expect(await userView(app.clerk)).toEqual({
      primaryEmailAddressId: expect.stringMatching(/^idn_/),
      emails: [expect.objectContaining({ email: 'jane@example.com', status: 'verified' })],
    })
  } finally {
    await app.close()
  }
})

test('create, prepare (email_code), attempt, make primary, destroy: clerk.user follows each call', async ({
  page,
  fapi,
  requests,
}) => {
  const app = await openClerkPage(page, fapi.url)
  try {
    const before = (await userView(app.clerk))!
    const janeId = before.emails[0]!.id
    const loadCalls = apiCalls(requests).length

    const id = await app.clerk.evaluate(async (c) => {
      const created = await c.user!.createEmailAddress({ email: 'new@example.com' })
      return created.id
    })
    expect((await userView(app.clerk))!.emails).toContainEqual({
      id,
      email: 'new@example.com',
      status: null,
      strategy: null,
    })

    await app.clerk.evaluate(async (c, id) => {
      const address = c.user!.emailAddresses.find((e) => e.id === id)!
      await address.prepareVerification({ strategy: 'email_code' })
    }, id)
    expect((await userView(app.clerk))!.emails).toContainEqual(
      expect.objectContaining({ id, status: 'unverified', strategy: 'email_code' }),
    )
    const code = fapi.emulator.latestMessage('new@example.com')?.code
    expect(code).toMatch(/^\d{6}$/)

    // A wrong code is a 4xx that clerk-js throws as its own ClerkAPIResponseError.
    const wrong = await app.clerk.evaluate(async (c, id) => {
      const address = c.user!.emailAddresses.find((e) => e.id === id)!
      return address.attemptVerification({ code: '000000' }).then(
        () => 'accepted',
        (error: { errors?: { code: string }[] }) => error.errors?.[0]?.code ?? 'no code',
      )
    }, id)
    expect(wrong).toBe('form_code_incorrect')

    await app.clerk.evaluate(
      async (c, [id, code]) => {
        const address = c.user!.emailAddresses.find((e) => e.id === id)!
        await address.attemptVerification({ code })
      },
      [id, code!] as const,
    )
    expect((await userView(app.clerk))!.emails).toContainEqual(
      expect.objectContaining({ id, status: 'verified' }),
    )

    await app.clerk.evaluate((c, id) => c.user!.update({ primaryEmailAddressId: id }), id)
    expect((await userView(app.clerk))!.primaryEmailAddressId).toBe(id)

    await app.clerk.evaluate(async (c, janeId) => {
      await c.user!.emailAddresses.find((e) => e.id === janeId)!.destroy()
    }, janeId)
    expect(await userView(app.clerk)).toEqual({
      primaryEmailAddressId: id,
      emails: [{ id, email: 'new@example.com', status: 'verified', strategy: 'email_code' }],
    })

    // One request per call; clerk-js never refetched /v1/me or /v1/client.
    expect(apiCalls(requests).slice(loadCalls)).toEqual([
      'POST /v1/me/email_addresses/',
      `POST /v1/me/email_addresses/${id}/prepare_verification`,
      `POST /v1/me/email_addresses/${id}/attempt_verification`,
      `POST /v1/me/email_addresses/${id}/attempt_verification`,
      'PATCH /v1/me',
      `DELETE /v1/me/email_addresses/${janeId}`,
    ])
  } finally {
    await app.close()
  }
})

test('email link: startEmailLinkFlow polls until the link is opened, then clerk.user shows it verified', async ({
  page,
  context,
  fapi,
  requests,
}) => {
  // Links are opt-in on a Clerk instance (the emulator's default offers codes only).
  fapi.emulator.reset({ settings: { strategies: ['email_code', 'email_link'] } })
  const app = await openClerkPage(page, fapi.url)
  try {
    const id = await app.clerk.evaluate(
      async (c, redirectUrl) => {
        const created = await c.user!.createEmailAddress({ email: 'link@example.com' })
        const flow = created.createEmailLinkFlow()
        const done = flow.startEmailLinkFlow({ redirectUrl })
        ;(window as unknown as { linkDone: Promise<unknown> }).linkDone = done
        return created.id
      },
      pageUrl(app.appUrl, 'verified'),
    )
    await expect.poll(() => fapi.emulator.latestMessage('link@example.com')?.link).toBeTruthy()
    // The emulator has sent the link; clerk-js applies the prepare's answer a moment later.
    await expect
      .poll(async () => (await userView(app.clerk))!.emails)
      .toContainEqual(expect.objectContaining({ id, status: 'unverified', strategy: 'email_link' }))

    // The user opens the link in another tab; FAPI verifies and redirects to redirectUrl.
    const mail = await context.newPage()
    await mail.goto(fapi.emulator.latestMessage('link@example.com')!.link!)
    expect(new URL(mail.url()).searchParams.get('__clerk_status')).toBe('verified')
    await mail.close()

    await page.evaluate(() => (window as unknown as { linkDone: Promise<unknown> }).linkDone)
    expect((await userView(app.clerk))!.emails).toContainEqual(
      expect.objectContaining({ id, status: 'verified', strategy: 'email_link' }),
    )
    const polls = apiCalls(requests).filter((c) => c === `GET /v1/me/email_addresses/${id}`)
    expect(polls.length).toBeGreaterThanOrEqual(1)
    expect(apiCalls(requests)).not.toContain('GET /v1/verify')
  } finally {
    await app.close()
  }
})

test('session upkeep: tokens carry sid, iat and exp, so clerk-js caches them instead of asking again', async ({
  page,
  fapi,
  requests,
}) => {
  const app = await openClerkPage(page, fapi.url)
  try {
    const tokens = () => requests.filter((r) => r.path.endsWith('/tokens'))
    // The client's last_active_token serves the first getToken(): no request.
    const first = await app.clerk.evaluate((c) => c.session!.getToken())
    expect(tokens()).toHaveLength(0)
    const fresh = await app.clerk.evaluate((c) => c.session!.getToken({ skipCache: true }))
    expect(tokens()).toHaveLength(1)
    expect(tokens()[0]!.path).toBe(`/v1/client/sessions/${fapi.emulator.signedIn.sessionId}/tokens`)
    const now = Math.floor(fapi.emulator.clock.now() / 1000)
    for (const jwt of [first, fresh]) {
      const claims = JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString()) as {
        sid: string
        iat: number
        exp: number
      }
      expect(claims.sid).toBe(fapi.emulator.signedIn.sessionId)
      // Issued by the emulator's clock, and valid for longer than clerk-js's refresh leeway.
      expect(claims.iat).toBeLessThanOrEqual(now)
      expect(claims.exp - claims.iat).toBeGreaterThan(30)
    }
    // A token clerk-js could not cache would be asked for again on its poller's next round (every
    // 1.5-5 s, PROTOCOL §1.12). Wait for two more getToken() calls to settle: a request either made
    // is in by then.
    await app.clerk.evaluate(
      (c) =>
        new Promise<void>((resolve) => {
          const session = c.session!
          const getToken = session.getToken
          let settled = 0
          const done = () => {
            settled += 1
            if (settled === 2) {
              session.getToken = getToken
              resolve()
            }
          }
          session.getToken = (...args) => {
            const token = getToken(...args)
            token.then(done, done)
            return token
          }
        }),
    )
    expect(tokens()).toHaveLength(1)
  } finally {
    await app.close()
  }
})

test('reverification: the emulator 403 reaches clerk-js as its own error, and passes after a step-up', async ({
  page,
  fapi,
}) => {
  fapi.emulator.reset({
    users: [{ email_addresses: ['jane@example.com'] }],
    settings: { reverificationRequired: ['create_email_address'] },
  })
  const app = await openClerkPage(page, fapi.url)
  try {
    const create = () =>
      app.clerk.evaluate((c) =>
        c.user!.createEmailAddress({ email: 'step-up@example.com' }).then(
          (created) => created.emailAddress,
          (error: { status?: number; errors?: { code: string }[] }) =>
            `${error.status} ${error.errors?.[0]?.code}`,
        ),
      )
    expect(await create()).toBe('403 session_reverification_required')
    // Stands in for Clerk's reverification modal (no UI in the headless build).
    fapi.emulator.reverify()
    expect(await create()).toBe('step-up@example.com')
  } finally {
    await app.close()
  }
})
