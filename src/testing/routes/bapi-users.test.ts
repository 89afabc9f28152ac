import { describe, expect, it } from 'vitest'
import type { EmailAddressJSON, UserJSON } from '../../api/wire-types'
import { type CallOptions, type Harness, TRANSPORTS, useHarness } from '../test-harness'

const AUTH = { authorization: 'Bearer sk_test_emulator' }

function bapi<T>(h: Harness, method: string, path: string, options: CallOptions = {}) {
  return h.call<T>(method, path, { realVerb: true, ...options, headers: { ...AUTH } })
}

const seed = {
  users: [
    { id: 'user_jane', first_name: 'Jane', email_addresses: ['jane@example.com'] },
    {
      id: 'user_joe',
      email_addresses: ['joe@example.com', { email_address: 'joe@work.example', verified: false }],
    },
    { id: 'user_ann', email_addresses: ['ann@example.com'] },
  ],
}

describe.each(TRANSPORTS)('BAPI users (%s)', (transport) => {
  const h = useHarness(transport, seed)

  it('GET /v1/users/{id}: the Backend API User, with the email change a BAPI call made', async () => {
    const created = await bapi<EmailAddressJSON>(h, 'POST', '/v1/email_addresses', {
      json: {
        user_id: 'user_jane',
        email_address: 'new@example.com',
        verified: true,
        primary: true,
      },
    })
    const res = await bapi<UserJSON>(h, 'GET', '/v1/users/user_jane')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: 'user_jane',
      object: 'user',
      first_name: 'Jane',
      primary_email_address_id: created.body.id,
      private_metadata: {},
    })
    expect(res.body.email_addresses.map((e) => e.email_address)).toEqual([
      'jane@example.com',
      'new@example.com',
    ])
    expect(res.body).not.toHaveProperty('response')
  })

  it('GET /v1/users/{id} for an unknown id is 404 resource_not_found', async () => {
    const res = await bapi(h, 'GET', '/v1/users/user_nope')
    expect([res.status, res.error.code]).toEqual([404, 'resource_not_found'])
  })

  it('GET /v1/users?email_address= finds users by any of their addresses, case-insensitively', async () => {
    const find = (query: string) =>
      bapi<UserJSON[]>(h, 'GET', `/v1/users?${query}`).then((res) => res.body.map((u) => u.id))
    expect(await find('email_address=JOE%40work.example')).toEqual(['user_joe'])
    expect(await find('email_address=jane%40example.com&email_address=ann%40example.com')).toEqual([
      'user_ann',
      'user_jane',
    ])
    expect(await find('email_address=nobody%40example.com')).toEqual([])
    // Newest first by default; ties keep the seed's order, reversed.
    expect(await find('')).toEqual(['user_ann', 'user_joe', 'user_jane'])
    expect(await find('order_by=%2Bcreated_at&limit=2')).toEqual(['user_jane', 'user_joe'])
    expect(await find('order_by=created_at&offset=2')).toEqual(['user_ann'])
    expect(await find('user_id=user_joe&user_id=user_ann')).toEqual(['user_ann', 'user_joe'])
  })

  it('GET /v1/users/count counts with the same filters', async () => {
    const count = (query: string) =>
      bapi<{ object: string; total_count: number }>(h, 'GET', `/v1/users/count?${query}`).then(
        (res) => res.body,
      )
    expect(await count('')).toEqual({ object: 'total_count', total_count: 3 })
    expect((await count('email_address=joe%40example.com')).total_count).toBe(1)
  })

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['offset=-1', 'offset'],
    ['limit=ten', 'limit'],
    ['order_by=banned', 'order_by'],
  ])('GET /v1/users?%s is 400 invalid_query_parameter_value', async (query, param) => {
    const res = await bapi(h, 'GET', `/v1/users?${query}`)
    expect([res.status, res.error.code, res.error.meta?.param_name]).toEqual([
      400,
      'invalid_query_parameter_value',
      param,
    ])
  })
})
