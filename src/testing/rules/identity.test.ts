import { describe, expect, it } from 'vitest'
import type { DevBrowserJSON } from '../../api/wire-types'
import { seeds } from '../fixtures'
import { TRANSPORTS, useHarness } from '../test-harness'

describe.each(TRANSPORTS)('identity (%s)', (transport) => {
  const h = useHarness(transport)

  it('gives a fresh dev browser the seeded signed-in client, returning id and token', async () => {
    const created = await h.call<DevBrowserJSON>('POST', '/v1/dev_browser')
    expect(created.status).toBe(200)
    expect(created.body.token).toBe(created.body.id)
    const client = await h.call('GET', '/v1/client', { query: { __clerk_db_jwt: created.body.id } })
    expect(client.status).toBe(200)
    expect(client.client?.id).toBe(h.emulator.signedIn.clientId)
    expect(client.client?.sessions).toHaveLength(1)
  })

  it('answers 401 dev_browser_unauthenticated for an unknown __clerk_db_jwt, even when not strict', async () => {
    const res = await h.call('GET', '/v1/me', { query: { __clerk_db_jwt: 'nope' } })
    expect(res.status).toBe(401)
    expect(res.error.code).toBe('dev_browser_unauthenticated')
  })

  it('reads the client from the __client cookie and sets it HttpOnly, SameSite=Lax when it creates one', async () => {
    const first = await h.call('GET', '/v1/client')
    const cookie = first.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^__client=client_[0-9A-Za-z]{27};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    const value = cookie.split(';')[0]!
    const second = await h.call('GET', '/v1/me', { headers: { cookie: `__session=x; ${value}` } })
    expect(second.status).toBe(200)
    expect(second.headers.get('set-cookie')).toBeNull()
  })

  it('requires _clerk_session_id to name an active session of the client (401 authentication_invalid)', async () => {
    const ok = await h.call('GET', '/v1/me', {
      query: { _clerk_session_id: h.emulator.signedIn.sessionId },
    })
    expect(ok.status).toBe(200)
    const bad = await h.call('GET', '/v1/me', {
      query: { _clerk_session_id: 'sess_2hQ6z1dYc9OoQ5sU2tVwX0aLnMb' },
    })
    expect(bad.status).toBe(401)
    expect(bad.error.code).toBe('authentication_invalid')
    expect(bad.client?.id).toBe(h.emulator.signedIn.clientId)
  })

  it("refuses another client's session (Bob signed in elsewhere)", async () => {
    h.emulator.reset(seeds.twoUsers)
    const state = await h.call<{ sessions: { session_id: string; user_id: string }[] }>(
      'GET',
      '/__emulator/state',
    )
    const bob = state.body.sessions.find((s) => s.user_id !== h.emulator.signedIn.userId)!
    const res = await h.call('GET', '/v1/me', { query: { _clerk_session_id: bob.session_id } })
    expect([res.status, res.error.code]).toEqual([401, 'authentication_invalid'])
    expect(res.client?.sessions.map((s) => s.id)).toEqual([h.emulator.signedIn.sessionId])
  })
})

describe.each(TRANSPORTS)('strict identity (%s)', (transport) => {
  const h = useHarness(transport, { strict: true })

  it('rejects a request with neither cookie nor dev browser', async () => {
    const res = await h.call('GET', '/v1/me')
    expect(res.status).toBe(401)
    expect(res.error.code).toBe('dev_browser_unauthenticated')
    expect(res.body).toMatchObject({ meta: { client: null } })
  })

  it('rejects an unknown __client cookie with authentication_invalid', async () => {
    const res = await h.call('GET', '/v1/me', { headers: { cookie: '__client=client_unknown' } })
    expect(res.status).toBe(401)
    expect(res.error.code).toBe('authentication_invalid')
  })

  it('accepts a dev browser token and a known __client cookie', async () => {
    const db = await h.call<DevBrowserJSON>('POST', '/v1/dev_browser')
    const viaToken = await h.call('GET', '/v1/me', { query: { __clerk_db_jwt: db.body.id } })
    const viaCookie = await h.call('GET', '/v1/me', {
      headers: { cookie: `__client=${h.emulator.signedIn.clientId}` },
    })
    expect([viaToken.status, viaCookie.status]).toEqual([200, 200])
  })
})
