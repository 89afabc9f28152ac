/**
 * The schemas must be able to fail: each mutation of a valid emulator answer below breaks one rule
 * of Clerk's shapes, and the validator has to notice.
 */
import { describe, expect, it } from 'vitest'
import type { ClientJSON, EmailAddressJSON, UserJSON } from '../../src/api/wire-types'
import { createFapiEmulator } from '../../src/testing/emulator'
import { makeEmailAddressJSON, makeUserJSON } from '../../src/testing/fixtures'
import { violations } from './schemas'

async function sample() {
  const emulator = createFapiEmulator({ settings: { resendThrottleMs: 0 } })
  const me = (await (await emulator.fetch(new Request('http://fapi.test/v1/me'))).json()) as {
    response: UserJSON
    client: ClientJSON
  }
  return { user: me.response, client: me.client, email: me.response.email_addresses[0]! }
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

describe('contract schemas', () => {
  it('accept the emulator’s own answers', async () => {
    const { user, client, email } = await sample()
    expect(violations('User', user)).toBe('')
    expect(violations('Client', client)).toBe('')
    expect(violations('EmailAddress', email)).toBe('')
  })

  it('accept seeded linked_to entries, with made-up ids where the seed gave none', async () => {
    const emulator = createFapiEmulator({
      users: [
        {
          email_addresses: [
            {
              email_address: 'jane@example.com',
              linked_to: [{ type: 'oauth_google' }, { type: 'saml', id: 'samlc_given' }],
            },
          ],
        },
      ],
    })
    const me = (await (await emulator.fetch(new Request('http://fapi.test/v1/me'))).json()) as {
      response: UserJSON
    }
    const email = me.response.email_addresses[0]!
    expect(email.linked_to).toEqual([
      { type: 'oauth_google', id: expect.stringMatching(/^eac_/) },
      { type: 'saml', id: 'samlc_given' },
    ])
    expect(violations('EmailAddress', email)).toBe('')
  })

  it.each<[string, (e: EmailAddressJSON & Record<string, unknown>) => void]>([
    ['a seconds timestamp', (e) => void (e.created_at = 1_755_199_800)],
    ['a missing matches_sso_connection', (e) => void delete e.matches_sso_connection],
    ['an unknown property', (e) => void (e.extra = true)],
    ['a bad id', (e) => void (e.id = 'idn_short')],
    [
      'a leaked code',
      (e) =>
        void (e.verification = {
          object: 'verification_otp',
          status: 'unverified',
          strategy: 'email_code',
          attempts: 0,
          expire_at: 1_755_199_800_000,
          code: '123456',
        } as never),
    ],
    [
      'a relative SSO URL',
      (e) =>
        void (e.verification = {
          object: 'verification_saml',
          status: 'unverified',
          strategy: 'enterprise_sso',
          external_verification_redirect_url: '/idp',
        }),
    ],
    [
      'an OTP without expire_at',
      (e) =>
        void (e.verification = {
          object: 'verification_otp',
          status: 'unverified',
          strategy: 'email_code',
        }),
    ],
  ])('reject an EmailAddress with %s', async (_, mutate) => {
    const { email } = await sample()
    const bad = clone(email) as EmailAddressJSON & Record<string, unknown>
    mutate(bad)
    expect(violations('EmailAddress', bad)).not.toBe('')
  })

  it('reject a User missing a required field and a Client whose session lacks its user', async () => {
    const { user, client } = await sample()
    const noPhones = clone(user) as Record<string, unknown>
    delete noPhones.primary_phone_number_id
    expect(violations('User', noPhones)).toContain('primary_phone_number_id')
    const noUser = clone(client)
    delete (noUser.sessions[0] as Record<string, unknown>).user
    expect(violations('Client', noUser)).toContain('user')
  })

  it('reject error bodies without long_message and deleted objects that were not deleted', () => {
    expect(violations('ClerkErrors', { errors: [{ code: 'x', message: 'y' }] })).toContain(
      'long_message',
    )
    expect(violations('ClerkErrors', { errors: [] })).not.toBe('')
    expect(
      violations('DeletedObject', {
        object: 'email_address',
        id: 'idn_2hQ7mZk1VbX9yTq3LcN8rWp4sJd',
        deleted: false,
      }),
    ).not.toBe('')
  })

  it('reject an envelope with extra keys or a missing client', async () => {
    const { email, client } = await sample()
    expect(violations('ClientWrappedEmailAddress', { response: email, client })).toBe('')
    expect(violations('ClientWrappedEmailAddress', { response: email })).toContain('client')
    expect(violations('ClientWrappedEmailAddress', { response: email, client, extra: 1 })).not.toBe(
      '',
    )
  })

  it('accept the exported fixtures, so stories and hook tests use real shapes', () => {
    const unverified = makeEmailAddressJSON({ email_address: 'b@example.com', verification: null })
    expect(violations('EmailAddress', makeEmailAddressJSON())).toBe('')
    expect(
      violations('User', makeUserJSON({ email_addresses: [makeEmailAddressJSON(), unverified] })),
    ).toBe('')
  })

  it('accept the new answers <UserProfile/> reads, and reject each one broken', async () => {
    const emulator = createFapiEmulator({
      users: [{ email_addresses: ['jane@sso.example'] }],
      settings: { ssoDomains: ['sso.example'] },
    })
    const { sessionId } = emulator.signedIn
    const json = async (path: string, init?: RequestInit) =>
      (await (await emulator.fetch(new Request(`http://fapi.test${path}`, init))).json()) as Record<
        string,
        unknown
      >
    const env = await json('/v1/environment')
    const reverification = await json(`/v1/client/sessions/${sessionId}/verify`, {
      method: 'POST',
      body: new URLSearchParams({ level: 'first_factor' }),
    })
    const sessions = (await json('/v1/me/sessions/active')) as unknown as Record<string, unknown>[]
    const connections = await json('/v1/me/enterprise_connections')
    expect(violations('Environment', env)).toBe('')
    expect(violations('ClientWrappedSessionReverification', reverification)).toBe('')
    expect(violations('ActiveSessions', sessions)).toBe('')
    expect(violations('ClientWrappedEnterpriseConnections', connections)).toBe('')

    const noSignIn = clone(env) as { user_settings: Record<string, unknown> }
    delete noSignIn.user_settings.sign_in
    expect(violations('Environment', noSignIn)).toContain('sign_in')
    const noWaitlist = clone(env) as { display_config: Record<string, unknown> }
    delete noWaitlist.display_config.waitlist_url
    expect(violations('Environment', noWaitlist)).toContain('waitlist_url')
    expect(violations('Environment', { ...env, extra: true })).not.toBe('')
    const noFraud = clone(env)
    delete noFraud.fraud_settings
    expect(violations('Environment', noFraud)).toContain('fraud_settings')

    const done = clone(reverification) as { response: Record<string, unknown> }
    done.response.status = 'done'
    expect(violations('ClientWrappedSessionReverification', done)).not.toBe('')
    const noFactors = clone(reverification) as { response: Record<string, unknown> }
    delete noFactors.response.supported_first_factors
    expect(violations('ClientWrappedSessionReverification', noFactors)).toContain(
      'supported_first_factors',
    )

    const noMobile = clone(sessions) as { latest_activity: Record<string, unknown> }[]
    delete noMobile[0]!.latest_activity.is_mobile
    expect(violations('ActiveSessions', noMobile)).toContain('is_mobile')
    expect(violations('ActiveSessions', { sessions })).not.toBe('')

    const noAuthenticatable = clone(connections) as { response: Record<string, unknown>[] }
    expect(noAuthenticatable.response).toHaveLength(1)
    delete noAuthenticatable.response[0]!.authenticatable
    expect(violations('ClientWrappedEnterpriseConnections', noAuthenticatable)).toContain(
      'authenticatable',
    )
  })
})
