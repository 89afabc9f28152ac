import { describe, expect, it } from 'vitest'
import type { EmailAddressJSON, SessionJSON, TokenJSON, UserJSON } from '../api/wire-types'
import { createFapiEmulator } from './emulator'
import { parseFault } from './faults'
import { parse, TRANSPORTS, useHarness } from './test-harness'

const ID = /^(idn|user|sess|client)_[0-9A-Za-z]{27}$/
const MS = 1_000_000_000_000

describe.each(TRANSPORTS)('emulator core (%s)', (transport) => {
  const h = useHarness(transport)

  it('seeds one client, one active session and one user with one verified primary address', async () => {
    const res = await h.call('GET', '/v1/client')
    expect(res.status).toBe(200)
    const client = res.client!
    expect(client.id).toMatch(ID)
    expect(client.sessions).toHaveLength(1)
    const session = client.sessions[0]!
    expect(session.id).toMatch(ID)
    expect(session.status).toBe('active')
    expect(client.last_active_session_id).toBe(session.id)
    const user = session.user!
    expect(user.id).toMatch(ID)
    expect(user.email_addresses).toHaveLength(1)
    const email = user.email_addresses[0]!
    expect(email.id).toMatch(ID)
    expect(user.primary_email_address_id).toBe(email.id)
    expect(email.verification?.status).toBe('verified')
    expect(h.emulator.signedIn).toEqual({
      clientId: client.id,
      sessionId: session.id,
      userId: user.id,
    })
  })

  it('answers GET /v1/me as { response: User, client } with every required User field', async () => {
    const res = await h.call<{ response: UserJSON }>('GET', '/v1/me')
    expect(res.status).toBe(200)
    expect(res.body.response).toEqual(res.user)
    for (const field of [
      'primary_phone_number_id',
      'passkeys',
      'enterprise_accounts',
      'legal_accepted_at',
    ]) {
      expect(res.body.response).toHaveProperty(field)
    }
    expect(res.body.response.created_at).toBeGreaterThan(MS)
  })

  it('answers the list as a bare array, and GET by id wrapped', async () => {
    const list = await h.call<EmailAddressJSON[]>('GET', '/v1/me/email_addresses')
    expect(Array.isArray(list.body)).toBe(true)
    const id = list.body[0]!.id
    const one = await h.call<{ response: EmailAddressJSON }>('GET', `/v1/me/email_addresses/${id}`)
    expect(one.body.response.id).toBe(id)
    expect(one.client?.object).toBe('client')
  })

  it('creates on both /v1/me/email_addresses and the trailing-slash path clerk-js uses', async () => {
    const a = await h.call('POST', '/v1/me/email_addresses/', {
      form: { email_address: 'a@example.com' },
    })
    const b = await h.call('POST', '/v1/me/email_addresses', {
      form: { email_address: 'b@example.com' },
    })
    expect([a.status, b.status]).toEqual([200, 200])
    expect(b.user?.email_addresses.map((e) => e.email_address)).toContain('a@example.com')
  })

  it('serves real verbs and POST + _method alike', async () => {
    const created = await h.call<{ response: EmailAddressJSON }>('POST', '/v1/me/email_addresses', {
      form: { email_address: 'verb@example.com' },
    })
    const id = created.body.response.id
    const real = await h.call('DELETE', `/v1/me/email_addresses/${id}`, { realVerb: true })
    expect(real.status).toBe(200)
    const again = await h.call('POST', '/v1/me/email_addresses', {
      form: { email_address: 'x@example.com' },
    })
    const viaOverride = await h.call(
      'DELETE',
      `/v1/me/email_addresses/${(again.body as { response: EmailAddressJSON }).response.id}`,
    )
    expect(viaOverride.status).toBe(200)
    expect(viaOverride.body).toMatchObject({ response: { object: 'email_address', deleted: true } })
  })

  it('ignores unknown query parameters and stray cookies', async () => {
    const res = await h.call('GET', '/v1/me', {
      query: { _clerk_js_version: 'x', _clerk_retry_attempt: '2', foo: 'bar' },
      headers: { cookie: '__session=garbage; __client_uat=0; __clerk_db_jwt_abc=zzz' },
    })
    expect(res.status).toBe(200)
  })

  it('accepts the versions clerk-js and our clients send, and refuses unknown or doubled ones', async () => {
    for (const version of ['2026-08-20', '2026-05-12', '2025-04-10']) {
      const res = await h.call('GET', '/v1/me', { query: { __clerk_api_version: version } })
      expect(res.status).toBe(200)
    }
    const unknown = await h.call('GET', '/v1/me', { query: { __clerk_api_version: '2099-01-01' } })
    expect([unknown.status, unknown.error.code]).toEqual([400, 'bad_request'])
    expect(unknown.error.long_message).toMatch(
      /"2099-01-01" is not a Clerk API version.*2026-08-20/,
    )
    const both = await h.call('GET', '/v1/me', { headers: { 'clerk-api-version': '2026-05-12' } })
    expect([both.status, both.error.long_message]).toEqual([400, expect.stringMatching(/not both/)])
  })

  it('sends CORS headers on 2xx, 4xx and 5xx, and answers preflights with 204', async () => {
    const origin = 'http://localhost:5173'
    const ok = await h.call('GET', '/v1/me', { headers: { origin } })
    const bad = await h.call('GET', '/v1/me/email_addresses/idn_nope', { headers: { origin } })
    h.emulator.injectFault({ path: '/v1/me', status: 500 })
    const broken = await h.call('GET', '/v1/me', { headers: { origin } })
    for (const res of [ok, bad, broken]) {
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
      const exposed = res.headers.get('access-control-expose-headers') ?? ''
      for (const name of ['Retry-After', 'Clerk-Db-Jwt', 'Authorization', 'x-country']) {
        expect(exposed).toContain(name)
      }
    }
    expect([bad.status, broken.status]).toEqual([404, 500])
    expect(broken.headers.get('retry-after')).toBeNull()
    expect(broken.error.code).toBe('internal_clerk_error')
    const pre = await fetchRaw(h.base, h.emulator, 'OPTIONS', '/v1/me', {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin)
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization')
  })

  it('answers every error as ClerkErrors JSON with meta.client and a trace id', async () => {
    const res = await h.call('GET', '/v1/client/nowhere')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.body).toMatchObject({ errors: [{ code: 'resource_not_found' }] })
    expect((res.body as { clerk_trace_id: string }).clerk_trace_id).toMatch(/^[0-9a-f]{32}$/)
    const notMine = await h.call('GET', '/v1/me/email_addresses/idn_000000000000000000000000000')
    expect(notMine.client?.object).toBe('client')
  })

  it('serves the environment on GET and on the POST ?_method=PATCH load touch', async () => {
    const get = await h.call<{
      user_settings: { attributes: { email_address: { verifications: string[] } } }
    }>('GET', '/v1/environment')
    const patch = await h.call('PATCH', '/v1/environment')
    expect(get.status).toBe(200)
    expect(patch.body).toEqual(get.body)
    // A fresh instance verifies by code only; links are seeded (`settings.strategies`).
    expect(get.body.user_settings.attributes.email_address.verifications).toEqual(['email_code'])
    h.emulator.reset({ settings: { strategies: ['email_code', 'email_link'] } })
    const links = await h.call<typeof get.body>('GET', '/v1/environment')
    expect(links.body.user_settings.attributes.email_address.verifications).toEqual([
      'email_code',
      'email_link',
    ])
  })

  it('keeps sessions alive: touch is wrapped, tokens are bare with numeric iat/exp', async () => {
    const { sessionId } = h.emulator.signedIn
    const touch = await h.call<{ response: SessionJSON }>(
      'POST',
      `/v1/client/sessions/${sessionId}/touch`,
    )
    expect(touch.body.response.id).toBe(sessionId)
    const tokens = await h.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`, {
      form: { organization_id: '', tab_state: 'focused' },
    })
    expect(tokens.body.object).toBe('token')
    const payload = JSON.parse(
      atob(tokens.body.jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
    )
    expect(payload.sid).toBe(sessionId)
    expect(payload.exp - payload.iat).toBe(60)
    const unknown = await h.call('POST', '/v1/client/sessions/sess_unknown/tokens')
    expect(unknown.status).toBe(404)
  })

  it('reset() restores the seed and clears the outbox', async () => {
    await h.call('POST', '/v1/me/email_addresses', { form: { email_address: 'r@example.com' } })
    const before = h.emulator.signedIn.userId
    h.emulator.reset({ users: [{ email_addresses: ['other@example.com'] }] })
    const me = await h.call<{ response: UserJSON }>('GET', '/v1/me')
    expect(me.body.response.id).not.toBe(before)
    expect(me.body.response.email_addresses.map((e) => e.email_address)).toEqual([
      'other@example.com',
    ])
  })
})

async function fetchRaw(
  base: string,
  emulator: ReturnType<typeof createFapiEmulator>,
  method: string,
  path: string,
  headers: Record<string, string>,
) {
  const request = new Request(new URL(path, base), { method, headers })
  return base.startsWith('http://fapi.test') ? emulator.fetch(request) : fetch(request)
}

describe('emulator clock, prefixes and failures', () => {
  it('freezes the clock at `now` and moves it only with advance()', async () => {
    const emulator = createFapiEmulator({ now: 1_700_000_000_000 })
    expect(emulator.clock.now()).toBe(1_700_000_000_000)
    emulator.clock.advance(5_000)
    expect(emulator.clock.now()).toBe(1_700_000_005_000)
    const res = await parse<{ response: UserJSON }>(
      await emulator.fetch(new Request('http://x.test/v1/me')),
    )
    expect(res.body.response.created_at).toBe(1_700_000_000_000)
    expect(() => emulator.clock.advance(-1)).toThrow(RangeError)
  })

  it('puts the clock back where it started on reset, so moved time does not leak into the next test', async () => {
    const frozen = createFapiEmulator({ now: 1_700_000_000_000 })
    frozen.clock.advance(11 * 60_000)
    frozen.reset()
    expect(frozen.clock.now()).toBe(1_700_000_000_000)

    const running = createFapiEmulator()
    running.clock.advance(11 * 60_000)
    const before = Date.now()
    running.reset()
    const now = running.clock.now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
    // A code sent after the reset expires 10 minutes from real time, not 21.
    const send = (path: string, form: Record<string, string>) =>
      running
        .fetch(
          new Request(`http://x.test${path}`, { method: 'POST', body: new URLSearchParams(form) }),
        )
        .then((response) => parse<{ response: EmailAddressJSON }>(response))
    const created = await send('/v1/me/email_addresses', { email_address: 'fresh@example.com' })
    const prepared = await send(
      `/v1/me/email_addresses/${created.body.response.id}/prepare_verification`,
      { strategy: 'email_code' },
    )
    const expireAt = prepared.body.response.verification?.expire_at ?? 0
    expect(expireAt).toBeGreaterThanOrEqual(before + 10 * 60_000)
    expect(expireAt).toBeLessThanOrEqual(Date.now() + 10 * 60_000)
  })

  it('serves a proxy prefix (/__clerk/v1/...) and builds links on it', async () => {
    const emulator = createFapiEmulator()
    const res = await parse<{ image_url: string }>(
      await emulator.fetch(new Request('http://app.test/__clerk/v1/me')),
    )
    expect(res.status).toBe(200)
    expect(res.user?.image_url).toMatch(/^http:\/\/app\.test\/__clerk\/__emulator\/avatar\//)
  })

  it('sends Retry-After on faults: 1 s for a 429 unless told, and whatever a fault asks for', async () => {
    const emulator = createFapiEmulator()
    emulator.injectFault({ path: '/v1/me', status: 429 })
    emulator.injectFault({ path: '/v1/me', status: 429, retryAfter: 7 })
    emulator.injectFault({ path: '/v1/me', status: 503, retryAfter: 30 })
    const seen = []
    for (let i = 0; i < 3; i += 1) {
      const res = await emulator.fetch(new Request('http://x.test/v1/me'))
      seen.push([res.status, res.headers.get('retry-after')])
    }
    expect(seen).toEqual([
      [429, '1'],
      [429, '7'],
      [503, '30'],
    ])
    expect(() => parseFault({ path: '/v1/me', retryAfter: -1 })).toThrow(/retryAfter/)
  })

  it('answers badly after committing: afterCommit with a status, a raw body or a drop', async () => {
    const emulator = createFapiEmulator()
    const create = (address: string) =>
      emulator.fetch(
        new Request('http://x.test/v1/me/email_addresses', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `email_address=${encodeURIComponent(address)}`,
        }),
      )
    const addresses = async () =>
      (
        await parse<UserJSON>(await emulator.fetch(new Request('http://x.test/v1/me')))
      ).user?.email_addresses.map((address) => address.email_address)

    emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses',
      status: 502,
      body: '<html>Bad gateway</html>',
      afterCommit: true,
    })
    const gateway = await create('one@example.com')
    expect([gateway.status, gateway.headers.get('content-type'), await gateway.text()]).toEqual([
      502,
      'text/html; charset=utf-8',
      '<html>Bad gateway</html>',
    ])

    emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses',
      status: 500,
      afterCommit: true,
    })
    const crashed = await parse<{ meta: unknown }>(await create('two@example.com'))
    // A crash after the commit carries no client snapshot: the client cannot learn the truth from it.
    expect([crashed.status, crashed.error.code, crashed.body.meta]).toEqual([
      500,
      'internal_clerk_error',
      { client: null },
    ])

    emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses',
      drop: true,
      afterCommit: true,
    })
    await expect(create('three@example.com')).rejects.toThrow(/dropped the connection/)

    emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses',
      status: 200,
      body: '{"respo',
    })
    const truncated = await create('four@example.com')
    expect([truncated.status, await truncated.text()]).toEqual([200, '{"respo'])

    // Before the commit nothing changes; after it, the change stands whatever the answer said.
    expect(await addresses()).toEqual([
      expect.any(String),
      'one@example.com',
      'two@example.com',
      'three@example.com',
    ])
    expect(() => parseFault({ path: '/v1/me', status: 200 })).toThrow(/status/)
    expect(() => parseFault({ path: '/v1/me', afterCommit: 'yes' })).toThrow(/afterCommit/)
    expect(parseFault({ path: '/v1/me', status: 200, body: 'x', afterCommit: true })).toMatchObject(
      { afterCommit: true },
    )
  })

  it('answers a malformed id escape with 404 JSON, not a crash', async () => {
    const emulator = createFapiEmulator()
    const res = await parse(
      await emulator.fetch(new Request('http://x.test/v1/me/email_addresses/%E0%A4%A')),
    )
    expect([res.status, res.error.code]).toEqual([404, 'resource_not_found'])
  })

  it('turns an unexpected failure into a 500 internal_clerk_error JSON body with CORS', async () => {
    const emulator = createFapiEmulator()
    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new Error('socket hang up'))
      },
    })
    const request = new Request('http://x.test/v1/me/email_addresses', {
      method: 'POST',
      headers: { origin: 'http://localhost:5173' },
      body: broken,
      duplex: 'half',
    } as RequestInit)
    const res = await parse(await emulator.fetch(request))
    expect([res.status, res.error.code]).toEqual([500, 'internal_clerk_error'])
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })
})
