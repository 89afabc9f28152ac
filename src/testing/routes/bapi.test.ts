import { describe, expect, it } from 'vitest'
import type { DeletedObjectJSON, EmailAddressJSON, UserJSON } from '../../api/wire-types'
import { type CallOptions, type Harness, TRANSPORTS, useHarness } from '../test-harness'

const AUTH = { authorization: 'Bearer sk_test_emulator' }

function bapi<T>(h: Harness, method: string, path: string, options: CallOptions = {}) {
  return h.call<T>(method, path, {
    realVerb: true,
    ...options,
    headers: { ...AUTH, ...options.headers },
  })
}

describe.each(TRANSPORTS)('BAPI email addresses (%s)', (transport) => {
  const h = useHarness(transport)

  it('creates a verified address as a bare EmailAddress with an admin verification', async () => {
    const userId = h.emulator.signedIn.userId
    const res = await bapi<EmailAddressJSON>(h, 'POST', '/v1/email_addresses', {
      json: { user_id: userId, email_address: 'ops@example.com', verified: true, primary: false },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      object: 'email_address',
      email_address: 'ops@example.com',
      verification: {
        object: 'verification_admin',
        status: 'verified',
        strategy: 'admin',
        attempts: null,
        expire_at: null,
      },
    })
    expect(res.body).not.toHaveProperty('response')
    const me = await h.call<{ response: UserJSON }>('GET', '/v1/me')
    expect(me.body.response.email_addresses.map((e) => e.id)).toContain(res.body.id)
  })

  it('creates unverified by default, and primary: true on a verified address moves the primary', async () => {
    const userId = h.emulator.signedIn.userId
    const plain = await bapi<EmailAddressJSON>(h, 'POST', '/v1/email_addresses', {
      json: { user_id: userId, email_address: 'plain@example.com' },
    })
    expect(plain.body.verification).toBeNull()
    const refused = await bapi(h, 'POST', '/v1/email_addresses', {
      json: { user_id: userId, email_address: 'p2@example.com', primary: true },
    })
    expect([refused.status, refused.error.meta?.param_name]).toEqual([422, 'primary'])
    const primary = await bapi<EmailAddressJSON>(h, 'POST', '/v1/email_addresses', {
      json: { user_id: userId, email_address: 'p3@example.com', verified: true, primary: true },
    })
    const me = await h.call<{ response: UserJSON }>('GET', '/v1/me')
    expect(me.body.response.primary_email_address_id).toBe(primary.body.id)
  })

  it('gets, updates and deletes by id', async () => {
    const userId = h.emulator.signedIn.userId
    const created = await bapi<EmailAddressJSON>(h, 'POST', '/v1/email_addresses', {
      json: { user_id: userId, email_address: 'cycle@example.com' },
    })
    const id = created.body.id
    expect((await bapi<EmailAddressJSON>(h, 'GET', `/v1/email_addresses/${id}`)).body.id).toBe(id)
    const patched = await bapi<EmailAddressJSON>(h, 'PATCH', `/v1/email_addresses/${id}`, {
      json: { verified: true, primary: true },
    })
    expect(patched.body.verification?.status).toBe('verified')
    const deleted = await bapi<DeletedObjectJSON>(h, 'DELETE', `/v1/email_addresses/${id}`)
    expect(deleted.body).toEqual({ object: 'email_address', id, deleted: true })
    expect((await bapi(h, 'GET', `/v1/email_addresses/${id}`)).error.code).toBe(
      'resource_not_found',
    )
  })

  it.each([
    [{ email_address: 'a@example.com' }, 422, 'form_param_missing', 'user_id'],
    [
      { user_id: 'user_unknown', email_address: 'a@example.com' },
      404,
      'resource_not_found',
      undefined,
    ],
    [{ user_id: '$me', email_address: 'nope' }, 422, 'form_param_format_invalid', 'email_address'],
    [
      { user_id: '$me', email_address: 'jane@example.com' },
      422,
      'form_identifier_exists',
      'email_address',
    ],
    [
      { user_id: '$me', email_address: 'a@example.com', colour: 'red' },
      422,
      'form_param_unknown',
      'colour',
    ],
    [
      { user_id: '$me', email_address: 'a@example.com', verified: 'yes' },
      422,
      'form_param_value_invalid',
      'verified',
    ],
  ])('rejects %j with %i %s', async (json, status, code, param) => {
    const given: Record<string, unknown> = json
    const body = {
      ...given,
      user_id: given.user_id === '$me' ? h.emulator.signedIn.userId : given.user_id,
    }
    const res = await bapi(h, 'POST', '/v1/email_addresses', { json: body })
    expect([res.status, res.error.code, res.error.meta?.param_name]).toEqual([status, code, param])
    // A Backend API envelope: errors and a trace id, no `meta` (its `client` is a Frontend API field).
    expect(Object.keys(res.body as object).sort()).toEqual(['clerk_trace_id', 'errors'])
  })

  it('rejects a body that is not a JSON object', async () => {
    const res = await bapi(h, 'POST', '/v1/email_addresses', {
      headers: { 'content-type': 'application/json' },
      form: {},
      json: [1, 2],
    })
    expect([res.status, res.error.code]).toEqual([400, 'request_body_invalid'])
  })

  it.each([
    [undefined, 'authorization_header_format_invalid'],
    ['sk_test_emulator', 'authorization_header_format_invalid'],
    ['Bearer sk_test_wrong', 'authentication_invalid'],
  ])('answers 401 for Authorization %j, on known and unknown paths alike', async (header, code) => {
    const headers: Record<string, string> = header === undefined ? {} : { authorization: header }
    for (const path of [
      '/v1/email_addresses/idn_x',
      '/v1/organizations',
      '/v1/users/x/ban',
      '/v1',
    ]) {
      const res = await h.call('GET', path, { headers })
      expect([path, res.status, res.error.code]).toEqual([path, 401, code])
    }
  })

  it('answers an unknown path with a valid key 404, in a Backend API envelope', async () => {
    const res = await bapi(h, 'GET', '/v1/organizations')
    expect([res.status, res.error.code]).toEqual([404, 'resource_not_found'])
    expect(Object.keys(res.body as object).sort()).toEqual(['clerk_trace_id', 'errors'])
  })

  it('names the Backend API field (primary) when update makes an unverified address primary', async () => {
    const userId = h.emulator.signedIn.userId
    const created = await bapi<EmailAddressJSON>(h, 'POST', '/v1/email_addresses', {
      json: { user_id: userId, email_address: 'unverified@example.com' },
    })
    const id = created.body.id
    for (const json of [{ primary: true }, { primary: true, verified: false }]) {
      const res = await bapi(h, 'PATCH', `/v1/email_addresses/${id}`, { json })
      expect([res.status, res.error.code, res.error.meta?.param_name]).toEqual([
        422,
        'form_param_value_invalid',
        'primary',
      ])
    }
    // Refused means unchanged: the address stays unverified and the primary stays where it was.
    const me = await h.call<{ response: UserJSON }>('GET', '/v1/me')
    expect(me.body.response.primary_email_address_id).not.toBe(id)
    expect(me.body.response.email_addresses.find((e) => e.id === id)?.verification).toBeNull()
    const both = await bapi<EmailAddressJSON>(h, 'PATCH', `/v1/email_addresses/${id}`, {
      json: { primary: true, verified: true },
    })
    expect(both.status).toBe(200)
  })
})

describe('BAPI secret key', () => {
  const h = useHarness('in-process', { secretKey: 'sk_test_custom' })

  it('accepts only the configured key', async () => {
    const email = (await h.call<{ response: UserJSON }>('GET', '/v1/me')).body.response
      .email_addresses[0]!
    const bad = await bapi(h, 'GET', `/v1/email_addresses/${email.id}`)
    expect(bad.status).toBe(401)
    const good = await h.call('GET', `/v1/email_addresses/${email.id}`, {
      headers: { authorization: 'Bearer sk_test_custom' },
    })
    expect(good.status).toBe(200)
  })
})
