import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bapiEmailJSON, EMAIL_ID, SECRET_KEY, USER_ID } from '../../test/support/bapi-fixtures'
import { setupWireServer } from '../../test/support/wire-server'
import { createBackendClient } from './backend-client'
import { USER_AGENT } from './transport'

const server = setupWireServer(() => ({ json: bapiEmailJSON() }))

// No retries here: these tests are about one request and one answer.
const client = () =>
  createBackendClient({ secretKey: SECRET_KEY, apiUrl: server.url, retries: { strategy: 'none' } })

const expectedAddress = {
  id: EMAIL_ID,
  emailAddress: 'ops@example.com',
  reserved: false,
  verification: {
    status: 'verified',
    strategy: 'admin',
    attempts: null,
    expireAt: null,
    verifiedAtClient: null,
    externalVerificationRedirectUrl: null,
    error: null,
  },
  linkedTo: [],
  matchesSsoConnection: false,
  createdAt: 1755200000000,
  updatedAt: 1755200000000,
}

describe('the request on the wire (PROTOCOL.md §6)', () => {
  it('create: POST /v1/email_addresses with a snake_case JSON body, undefined dropped', async () => {
    const created = await client().emailAddresses.create({
      userId: USER_ID,
      emailAddress: 'ops@example.com',
      verified: true,
      primary: undefined,
    })
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/v1/email_addresses')
    expect(request?.query).toEqual({})
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${SECRET_KEY}`,
      'clerk-api-version': '2026-05-12',
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': USER_AGENT,
    })
    expect(request?.body).toBe(
      JSON.stringify({ user_id: USER_ID, email_address: 'ops@example.com', verified: true }),
    )
    expect(created).toEqual(expectedAddress)
  })

  it('create: sends primary, verified and notify_primary_email_address_changed, null included', async () => {
    await client().emailAddresses.create({
      userId: USER_ID,
      emailAddress: 'ops@example.com',
      verified: null,
      primary: true,
      notifyPrimaryEmailAddressChanged: false,
    })
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      user_id: USER_ID,
      email_address: 'ops@example.com',
      verified: null,
      primary: true,
      notify_primary_email_address_changed: false,
    })
  })

  it('get: GET /v1/email_addresses/{id}, no body, no content type, id encoded', async () => {
    expect(await client().emailAddresses.get(EMAIL_ID)).toEqual(expectedAddress)
    await client().emailAddresses.get('idn_a/b?c')
    expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
      ['GET', `/v1/email_addresses/${EMAIL_ID}`, ''],
      ['GET', '/v1/email_addresses/idn_a%2Fb%3Fc', ''],
    ])
    expect(server.requests[0]?.headers['content-type']).toBeUndefined()
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`)
  })

  it('update: PATCH /v1/email_addresses/{id} with only the fields given', async () => {
    await client().emailAddresses.update(EMAIL_ID, { primary: true })
    await client().emailAddresses.update(EMAIL_ID, { verified: false, primary: undefined })
    expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
      ['PATCH', `/v1/email_addresses/${EMAIL_ID}`, '{"primary":true}'],
      ['PATCH', `/v1/email_addresses/${EMAIL_ID}`, '{"verified":false}'],
    ])
    expect(server.requests[0]?.headers['content-type']).toBe('application/json')
  })

  it('delete: DELETE /v1/email_addresses/{id}, answering the DeletedObject (object, id, slug, deleted)', async () => {
    server.respond(() => ({ json: { object: 'email_address', id: EMAIL_ID, deleted: true } }))
    expect(await client().emailAddresses.delete(EMAIL_ID)).toEqual({
      object: 'email_address',
      id: EMAIL_ID,
      slug: null,
      deleted: true,
    })
    server.respond(() => ({ json: { object: 'email_address', slug: 'x', deleted: true } }))
    expect(await client().emailAddresses.delete('idn_other')).toEqual({
      object: 'email_address',
      id: 'idn_other',
      slug: 'x',
      deleted: true,
    })
    expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
      ['DELETE', `/v1/email_addresses/${EMAIL_ID}`, ''],
      ['DELETE', '/v1/email_addresses/idn_other', ''],
    ])
  })

  it('users: GET /v1/users/{id}, /v1/users with repeated filters, /v1/users/count', async () => {
    const user = {
      id: USER_ID,
      object: 'user',
      primary_email_address_id: EMAIL_ID,
      email_addresses: [bapiEmailJSON()],
      first_name: 'Jane',
      last_name: null,
      username: null,
      image_url: 'https://img.clerk.com/x',
      created_at: 1755200000000,
      updated_at: 1755200000001,
    }
    server.queue(
      { json: user },
      { json: [user] },
      { json: { object: 'total_count', total_count: 3 } },
    )
    const api = client().users
    const expected = {
      id: USER_ID,
      primaryEmailAddressId: EMAIL_ID,
      emailAddresses: [expectedAddress],
      username: null,
      firstName: 'Jane',
      lastName: null,
      imageUrl: 'https://img.clerk.com/x',
      createdAt: 1755200000000,
      updatedAt: 1755200000001,
    }
    expect(await api.get(USER_ID)).toEqual(expected)
    expect(
      await api.list({
        emailAddress: ['a@example.com', 'b+x@example.com'],
        userId: [USER_ID],
        limit: 5,
        offset: 0,
        orderBy: '+created_at',
      }),
    ).toEqual([expected])
    expect(await api.count({ emailAddress: ['a@example.com'] })).toBe(3)
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v1/users/${USER_ID}`,
      'GET /v1/users',
      'GET /v1/users/count',
    ])
    expect(server.requests[1]?.queryOrder).toEqual([
      'email_address',
      'email_address',
      'user_id',
      'limit',
      'offset',
      'order_by',
    ])
    expect(server.requests[1]?.query).toMatchObject({ limit: '5', order_by: '+created_at' })
    expect(server.requests[2]?.query).toEqual({ email_address: 'a@example.com' })
    await expect(api.get('')).rejects.toThrow(/user \(user_…\) id must be a non-empty string/)
  })

  it('sends the apiVersion it is given, and takes apiUrl with or without /v1 and a trailing slash', async () => {
    for (const apiUrl of [`${server.url}/`, `${server.url}/v1`, `${server.url}/v1/`]) {
      const other = createBackendClient({ secretKey: SECRET_KEY, apiUrl, apiVersion: '2026-08-20' })
      expect(other.baseUrl).toBe(`${server.url}/v1`)
      await other.emailAddresses.get(EMAIL_ID)
    }
    expect(server.requests.map((request) => request.path)).toEqual(
      Array(3).fill(`/v1/email_addresses/${EMAIL_ID}`),
    )
    expect(server.requests.map((request) => request.headers['clerk-api-version'])).toEqual(
      Array(3).fill('2026-08-20'),
    )
  })

  it('defaults to https://api.clerk.com/v1', () => {
    expect(createBackendClient({ secretKey: SECRET_KEY }).baseUrl).toBe('https://api.clerk.com/v1')
  })

  it('goes through the fetch it is given', async () => {
    const urls: string[] = []
    const other = createBackendClient({
      secretKey: SECRET_KEY,
      apiUrl: server.url,
      fetch: (input, init) => {
        urls.push(String(input))
        return fetch(input, init)
      },
    })
    await other.emailAddresses.get(EMAIL_ID)
    expect(urls).toEqual([`${server.url}/v1/email_addresses/${EMAIL_ID}`])
  })

  it('refuses an empty id instead of calling another route', async () => {
    await expect(client().emailAddresses.get('')).rejects.toThrow(TypeError)
    await expect(client().emailAddresses.delete('')).rejects.toThrow(TypeError)
    expect(server.requests).toHaveLength(0)
  })

  it('announces the package version as User-Agent', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string
    }
    expect(USER_AGENT).toBe(`react-email-addresses/${pkg.version}`)
  })
})
