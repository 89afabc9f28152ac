import { beforeEach, describe, expect, it } from 'vitest'
import {
  clientJSON,
  emailAddressJSON,
  errorsJSON,
  NEW_ID,
  PRIMARY_ID,
  primaryJSON,
  SESSION_ID,
  userJSON,
  verificationJSON,
} from '../../test/support/fapi-fixtures'
import { setupWireServer } from '../../test/support/wire-server'
import { createFapiClient, type FapiClient } from './fapi-client'

const server = setupWireServer()
let client: FapiClient

beforeEach(() => {
  client = createFapiClient({ proxyUrl: server.url, sessionId: SESSION_ID })
})

const second = emailAddressJSON({ verification: verificationJSON({ status: 'verified' }) })

describe('me.get', () => {
  it('GETs /v1/me and returns every address and the primary id in one request', async () => {
    server.respond(() => ({
      json: {
        response: userJSON([primaryJSON, second]),
        client: clientJSON(userJSON([primaryJSON, second])),
      },
    }))
    const { user } = await client.me.get()
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/me',
      query: { _clerk_session_id: SESSION_ID },
    })
    expect(user.primaryEmailAddressId).toBe(PRIMARY_ID)
    expect(user.emailAddresses.map((address) => address.id)).toEqual([PRIMARY_ID, NEW_ID])
    expect(user).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
      username: null,
      imageUrl: 'https://img.clerk.com/x',
    })
  })

  it('reads a bare user as clerk-js does (json.response || json)', async () => {
    server.respond(() => ({ json: userJSON() }))
    const { user } = await client.me.get()
    expect(user.id).toBe('user_2hQ5aP0cXb8NnP4rT1sUvW9zKmL')
  })

  it('reports 401 authentication_invalid when the session is gone', async () => {
    server.respond(() => ({ status: 401, json: errorsJSON('authentication_invalid') }))
    await expect(client.me.get()).rejects.toMatchObject({
      status: 401,
      code: 'authentication_invalid',
    })
  })
})

describe('me.update', () => {
  it('POSTs primary_email_address_id with _method=PATCH and returns the updated user', async () => {
    const updated = userJSON([primaryJSON, second], NEW_ID)
    server.respond(() => ({ json: { response: updated, client: clientJSON(updated) } }))
    const { user } = await client.me.update({ primaryEmailAddressId: NEW_ID })
    const [request] = server.requests
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/me',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(request?.query._method).toBe('PATCH')
    expect(request?.body).toBe(`primary_email_address_id=${NEW_ID}`)
    expect(user.primaryEmailAddressId).toBe(NEW_ID)
  })

  it('reports 403 session_reverification_required', async () => {
    server.respond(() => ({ status: 403, json: errorsJSON('session_reverification_required') }))
    await expect(client.me.update({ primaryEmailAddressId: NEW_ID })).rejects.toMatchObject({
      status: 403,
      code: 'session_reverification_required',
    })
  })
})
