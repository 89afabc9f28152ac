import { describe, expect, it } from 'vitest'
import type { SessionJSON } from '../../api/wire-types'
import { createFapiEmulator } from '../emulator'
import { parseSeed } from '../seed'
import { describeUserAgent } from '../serialize'
import { TRANSPORTS, useHarness } from '../test-harness'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'

interface ActiveSession {
  id: string
  object: string
  status: string
  latest_activity: Record<string, unknown>
}

describe.each(TRANSPORTS)(
  'what <UserProfile/> reads around the email section (%s)',
  (transport) => {
    const h = useHarness(transport, {
      users: [{ email_addresses: ['jane@example.com'] }, { email_addresses: ['bob@example.com'] }],
    })

    it('GET /v1/me/sessions/active: a bare array of the user’s active sessions with latest_activity', async () => {
      const res = await h.call<ActiveSession[]>('GET', '/v1/me/sessions/active', {
        headers: { 'user-agent': CHROME },
      })
      expect(res.status).toBe(200)
      expect(res.body).toEqual([
        {
          id: h.emulator.signedIn.sessionId,
          object: 'session',
          status: 'active',
          expire_at: expect.any(Number),
          abandon_at: expect.any(Number),
          last_active_at: expect.any(Number),
          last_active_organization_id: null,
          actor: null,
          tasks: null,
          public_user_data: expect.objectContaining({ identifier: 'jane@example.com' }),
          factor_verification_age: [expect.any(Number), -1],
          created_at: expect.any(Number),
          updated_at: expect.any(Number),
          latest_activity: {
            object: 'session_activity',
            id: `sess_activity_${h.emulator.signedIn.sessionId.slice(5)}`,
            browser_name: 'Chrome',
            browser_version: '156',
            device_type: 'Linux',
            is_mobile: false,
            ip_address: '127.0.0.1',
          },
        },
      ])
    })

    it('lists a second session of the same user, and "sign out of device" revokes it', async () => {
      const { user_ids } = (await h.call<{ user_ids: string[] }>('GET', '/__emulator/state')).body
      const other = await h.call<{ session_id: string }>('POST', '/__emulator/sessions', {
        json: { user_id: user_ids[0] },
      })
      const list = await h.call<ActiveSession[]>('GET', '/v1/me/sessions/active')
      expect(list.body.map((s) => s.id)).toEqual([
        h.emulator.signedIn.sessionId,
        other.body.session_id,
      ])
      const revoked = await h.call<{ response: SessionJSON }>(
        'POST',
        `/v1/me/sessions/${other.body.session_id}/revoke`,
      )
      expect(revoked.status).toBe(200)
      expect(revoked.body.response).toMatchObject({ id: other.body.session_id, status: 'revoked' })
      expect(revoked.client?.sessions.map((s) => s.id)).toEqual([h.emulator.signedIn.sessionId])
      const after = await h.call<ActiveSession[]>('GET', '/v1/me/sessions/active')
      expect(after.body.map((s) => s.id)).toEqual([h.emulator.signedIn.sessionId])
      const again = await h.call('POST', `/v1/me/sessions/${other.body.session_id}/revoke`)
      expect(again.status).toBe(404)
    })

    it('never lists or revokes another user’s sessions', async () => {
      const state = await h.call<{ sessions: { session_id: string; user_id: string }[] }>(
        'GET',
        '/__emulator/state',
      )
      const bobs = state.body.sessions.find((s) => s.user_id !== h.emulator.signedIn.userId)!
      const list = await h.call<ActiveSession[]>('GET', '/v1/me/sessions/active')
      expect(list.body.map((s) => s.id)).not.toContain(bobs.session_id)
      const res = await h.call('POST', `/v1/me/sessions/${bobs.session_id}/revoke`)
      expect([res.status, res.error.code]).toEqual([404, 'resource_not_found'])
    })

    it('GET /v1/me/enterprise_connections: wrapped, empty without an enterprise connection', async () => {
      const res = await h.call<{ response: unknown[] }>('GET', '/v1/me/enterprise_connections', {
        query: { with_organization_account_linking: 'true' },
      })
      expect(res.status).toBe(200)
      expect(res.body.response).toEqual([])
      expect(res.client?.id).toBe(h.emulator.signedIn.clientId)
    })
  },
)

describe('enterprise connections from ssoDomains', () => {
  const h = useHarness('in-process', {
    users: [{ email_addresses: ['jane@sso.example'] }],
    settings: { ssoDomains: ['sso.example'] },
  })

  it('lists the emulated connection when the verified primary is on its domain', async () => {
    const res = await h.call<{ response: Record<string, unknown>[] }>(
      'GET',
      '/v1/me/enterprise_connections',
    )
    expect(res.body.response).toEqual([
      expect.objectContaining({
        name: 'Emulated SSO',
        provider: 'saml_custom',
        active: true,
        domains: ['sso.example'],
        allow_organization_account_linking: false,
      }),
    ])
    // It does not link organization accounts, which is what Clerk's UI asks for.
    const linkable = await h.call<{ response: unknown[] }>('GET', '/v1/me/enterprise_connections', {
      query: { with_organization_account_linking: 'true' },
    })
    expect(linkable.body.response).toEqual([])
  })

  it('lists nothing when the primary is not verified or not on the domain', async () => {
    h.emulator.reset({
      users: [
        {
          email_addresses: [{ email_address: 'jane@sso.example', verified: false, primary: true }],
        },
      ],
      settings: { ssoDomains: ['sso.example'] },
    })
    const unverified = await h.call<{ response: unknown[] }>('GET', '/v1/me/enterprise_connections')
    expect(unverified.body.response).toEqual([])
    h.emulator.reset({
      users: [{ email_addresses: ['jane@example.com'] }],
      settings: { ssoDomains: ['sso.example'] },
    })
    const elsewhere = await h.call<{ response: unknown[] }>('GET', '/v1/me/enterprise_connections')
    expect(elsewhere.body.response).toEqual([])
  })
})

describe('the environment overlay (seed.environment)', () => {
  it('is laid over the generated environment: objects merge, values and arrays replace', async () => {
    const emulator = createFapiEmulator({
      environment: {
        display_config: { application_name: 'Acme' },
        user_settings: { attributes: { first_name: { enabled: true, required: false } } },
        auth_config: { identification_strategies: ['email_address', 'username'] },
      },
    })
    const env = (await (
      await emulator.fetch(new Request('http://fapi.test/v1/environment'))
    ).json()) as {
      display_config: { application_name: string; instance_environment_type: string }
      user_settings: { attributes: { first_name: { enabled: boolean; verifications: string[] } } }
      auth_config: { identification_strategies: string[] }
    }
    expect(env.display_config).toMatchObject({
      application_name: 'Acme',
      instance_environment_type: 'development',
    })
    expect(env.user_settings.attributes.first_name).toMatchObject({
      enabled: true,
      verifications: [],
    })
    expect(env.auth_config.identification_strategies).toEqual(['email_address', 'username'])
  })

  it('must be an object in a JSON seed', () => {
    expect(() => parseSeed({ environment: [] })).toThrow('seed.environment must be an object')
    expect(parseSeed({ environment: { maintenance_mode: true } })).toEqual({
      environment: { maintenance_mode: true },
    })
  })
})

describe('describeUserAgent', () => {
  it.each([
    [CHROME, { browser_name: 'Chrome', browser_version: '156', device_type: 'Linux' }],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      { browser_name: 'Safari', browser_version: '18', device_type: 'iPhone', is_mobile: true },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
      { browser_name: 'Firefox', browser_version: '140', device_type: 'Windows', is_mobile: false },
    ],
    [null, { browser_name: undefined, device_type: undefined, is_mobile: false }],
  ])('%s', (ua, expected) => {
    expect(describeUserAgent(ua)).toMatchObject(expected)
  })
})
