import { describe, expect, it } from 'vitest'
import type { EmailAddressJSON, UserJSON } from '../../api/wire-types'
import { seeds } from '../fixtures'
import { type Harness, TRANSPORTS, useHarness } from '../test-harness'

type Wrapped<T> = { response: T }

async function create(h: Harness, address: string) {
  return h.call<Wrapped<EmailAddressJSON>>('POST', '/v1/me/email_addresses/', {
    form: { email_address: address },
  })
}

async function verifyByCode(h: Harness, id: string) {
  await h.call('POST', `/v1/me/email_addresses/${id}/prepare_verification`, {
    form: { strategy: 'email_code' },
  })
  const code = h.emulator.latestMessage()?.code ?? ''
  return h.call('POST', `/v1/me/email_addresses/${id}/attempt_verification`, { form: { code } })
}

describe.each(TRANSPORTS)('address rules (%s)', (transport) => {
  const h = useHarness(transport, { settings: { resendThrottleMs: 0 } })

  it('creates an address with verification null, sends nothing, and returns the updated user', async () => {
    const res = await create(h, 'New@Example.com')
    expect(res.status).toBe(200)
    expect(res.body.response).toMatchObject({
      email_address: 'new@example.com',
      verification: null,
      reserved: false,
    })
    expect(res.body.response.matches_sso_connection).toBe(false)
    expect(res.user?.email_addresses.map((e) => e.id)).toContain(res.body.response.id)
    expect(h.emulator.outbox).toHaveLength(0)
  })

  it.each([
    [undefined, 'form_param_missing'],
    ['', 'form_param_nil'],
    ['not-an-email', 'form_param_format_invalid'],
    ['a@b', 'form_param_format_invalid'],
    // RFC 5321's limits: a 322-character address, a 65-octet local part, a 64-octet label.
    [`${'a'.repeat(300)}@${'b'.repeat(10)}.example.com`, 'form_param_max_length_exceeded'],
    [`${'a'.repeat(65)}@example.com`, 'form_param_max_length_exceeded'],
    [`a@${'b'.repeat(64)}.com`, 'form_param_max_length_exceeded'],
    ['jane@example.com', 'form_identifier_exists'],
  ])('rejects email_address=%j with 422 %s on param email_address', async (value, code) => {
    const form: Record<string, string> = value === undefined ? {} : { email_address: value }
    const res = await h.call('POST', '/v1/me/email_addresses', { form })
    expect(res.status).toBe(422)
    expect(res.error.code).toBe(code)
    expect(res.error.meta?.param_name).toBe('email_address')
    expect(res.error.long_message).toBeTruthy()
  })

  it("rejects another user's verified address, but allows their unverified one", async () => {
    h.emulator.reset({
      ...seeds.twoUsers,
      users: [
        ...seeds.twoUsers.users,
        { email_addresses: [{ email_address: 'loose@example.com', verified: false }] },
      ],
    })
    expect((await create(h, 'bob@example.com')).error.code).toBe('form_identifier_exists')
    expect((await create(h, 'loose@example.com')).status).toBe(200)
  })

  it('rejects blocked domains and too many unverified addresses', async () => {
    h.emulator.reset({ settings: { blockedDomains: ['spam.test'], maxUnverified: 2 } })
    const blocked = await create(h, 'x@mail.spam.test')
    expect(blocked.status).toBe(422)
    expect(blocked.error.code).toBe('form_email_address_blocked')
    expect(blocked.error.meta?.param_name).toBe('email_address')
    expect((await create(h, 'u1@example.com')).status).toBe(200)
    expect((await create(h, 'u2@example.com')).status).toBe(200)
    const third = await create(h, 'u3@example.com')
    expect(third.status).toBe(400)
    expect(third.error.code).toBe('too_many_unverified_identifications')
  })

  it('makes the first address primary', async () => {
    h.emulator.reset({ users: [{ email_addresses: [] }] })
    const res = await create(h, 'first@example.com')
    expect(res.user?.primary_email_address_id).toBe(res.body.response.id)
  })

  it('sets primary to a verified address and refuses an unverified one', async () => {
    const extra = await create(h, 'second@example.com')
    const id = extra.body.response.id
    const refused = await h.call('PATCH', '/v1/me', { form: { primary_email_address_id: id } })
    expect(refused.status).toBe(422)
    expect(refused.error.code).toBe('form_param_value_invalid')
    expect(refused.error.meta?.param_name).toBe('primary_email_address_id')
    expect((await verifyByCode(h, id)).status).toBe(200)
    const ok = await h.call<Wrapped<UserJSON>>('PATCH', '/v1/me', {
      form: { primary_email_address_id: id },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.response.primary_email_address_id).toBe(id)
    expect(ok.user?.primary_email_address_id).toBe(id)
  })

  it('refuses to delete the last identification', async () => {
    const only = h.emulator.signedIn
    const me = await h.call<Wrapped<UserJSON>>('GET', '/v1/me')
    const id = me.body.response.email_addresses[0]!.id
    const res = await h.call('DELETE', `/v1/me/email_addresses/${id}`)
    expect(res.status).toBe(400)
    expect(res.error.code).toBe('identification_deletion_failed')
    expect(h.emulator.signedIn).toEqual(only)
  })

  it('moves a deleted primary to the oldest other verified address', async () => {
    h.emulator.reset({
      users: [
        {
          email_addresses: [
            'jane@example.com',
            'older@example.com',
            'newer@example.com',
            { email_address: 'unverified@example.com', verified: false },
          ],
        },
      ],
    })
    const me = await h.call<Wrapped<UserJSON>>('GET', '/v1/me')
    const [primary, older] = me.body.response.email_addresses
    const res = await h.call('DELETE', `/v1/me/email_addresses/${primary!.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      response: { object: 'email_address', id: primary!.id, deleted: true },
    })
    expect(res.user?.primary_email_address_id).toBe(older!.id)
  })

  it('refuses to delete the last verified address (the primary stays), but not an unverified one', async () => {
    h.emulator.reset(seeds.threeAddresses)
    const me = await h.call<Wrapped<UserJSON>>('GET', '/v1/me')
    const [primary, secondary, unverified] = me.body.response.email_addresses
    const first = await h.call('DELETE', `/v1/me/email_addresses/${primary!.id}`)
    expect(first.user?.primary_email_address_id).toBe(secondary!.id)
    // Only an unverified address would be left: Clerk keeps the primary.
    const refused = await h.call('DELETE', `/v1/me/email_addresses/${secondary!.id}`)
    expect([refused.status, refused.error]).toEqual([
      400,
      {
        code: 'last_required_identification_deletion_failed',
        message: 'Deleting your last email address is prohibited',
        long_message:
          'You are required to maintain at least one email address in your account at all times',
        meta: {},
      },
    ])
    expect(refused.user?.primary_email_address_id).toBe(secondary!.id)
    expect(refused.user?.email_addresses.map((e) => e.id)).toEqual([secondary!.id, unverified!.id])
    const removed = await h.call('DELETE', `/v1/me/email_addresses/${unverified!.id}`)
    expect(removed.status).toBe(200)
    expect(removed.user?.email_addresses.map((e) => e.id)).toEqual([secondary!.id])
  })

  it('lets an unverified primary go, leaving no primary when no verified address is left', async () => {
    h.emulator.reset({
      users: [
        {
          email_addresses: [
            { email_address: 'progressive@example.com', verified: false, primary: true },
            { email_address: 'other@example.com', verified: false },
          ],
        },
      ],
    })
    const me = await h.call<Wrapped<UserJSON>>('GET', '/v1/me')
    const [primary, other] = me.body.response.email_addresses
    expect(me.body.response.primary_email_address_id).toBe(primary!.id)
    const res = await h.call('DELETE', `/v1/me/email_addresses/${primary!.id}`)
    expect(res.status).toBe(200)
    expect(res.user?.primary_email_address_id).toBeNull()
    expect(res.user?.email_addresses.map((e) => e.id)).toEqual([other!.id])
  })

  it("answers 404 resource_not_found for another user's or an unknown id, on every route", async () => {
    h.emulator.reset(seeds.twoUsers)
    const state = await h.call<{ user_ids: string[] }>('GET', '/__emulator/state')
    expect(state.body.user_ids).toHaveLength(2)
    const bob = (await h.call<EmailAddressJSON>('GET', '/v1/email_addresses/x', {})).status
    expect(bob).toBe(401)
    const list = await h.call<EmailAddressJSON>('POST', '/v1/email_addresses', {
      json: { user_id: state.body.user_ids[1], email_address: 'bob2@example.com', verified: true },
      headers: { authorization: 'Bearer sk_test_emulator' },
    })
    for (const id of [list.body.id, 'idn_unknown']) {
      for (const [method, path] of [
        ['GET', `/v1/me/email_addresses/${id}`],
        ['DELETE', `/v1/me/email_addresses/${id}`],
        ['POST', `/v1/me/email_addresses/${id}/prepare_verification`],
        ['POST', `/v1/me/email_addresses/${id}/attempt_verification`],
      ] as const) {
        const res = await h.call(method, path, { form: { strategy: 'email_code', code: '1' } })
        expect(res.status, `${method} ${path}`).toBe(404)
        expect(res.error.code).toBe('resource_not_found')
      }
    }
  })

  it('demands reverification for configured actions until the session reverifies', async () => {
    h.emulator.reset({
      settings: {
        reverificationRequired: [
          'create_email_address',
          'delete_email_address',
          'set_primary_email_address',
        ],
      },
    })
    const res = await create(h, 'guarded@example.com')
    expect(res.status).toBe(403)
    expect(res.error.code).toBe('session_reverification_required')
    const reverified = await h.call('POST', '/__emulator/reverify')
    expect(reverified.status).toBe(200)
    expect((await create(h, 'guarded@example.com')).status).toBe(200)
    h.emulator.clock.advance(11 * 60_000)
    expect((await create(h, 'late@example.com')).error.code).toBe('session_reverification_required')
    h.emulator.reverify()
    const me = await h.call<Wrapped<UserJSON>>('GET', '/v1/me')
    const guarded = me.body.response.email_addresses.find(
      (e) => e.email_address === 'guarded@example.com',
    )!
    expect((await h.call('DELETE', `/v1/me/email_addresses/${guarded.id}`)).status).toBe(200)
  })

  it('rejects unsafe_metadata on PATCH /v1/me and updates names', async () => {
    const bad = await h.call('PATCH', '/v1/me', { form: { unsafe_metadata: '{}' } })
    expect(bad.error.code).toBe('form_param_unknown')
    const ok = await h.call<Wrapped<UserJSON>>('PATCH', '/v1/me', {
      form: { first_name: 'Janet', last_name: '' },
    })
    expect(ok.body.response).toMatchObject({ first_name: 'Janet', last_name: null })
  })
})
