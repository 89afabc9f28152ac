/**
 * The contract: a clerk-js-style lifecycle over real HTTP on 127.0.0.1, every response validated
 * against the project's JSON Schemas of Clerk's shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  ClientJSON,
  DevBrowserJSON,
  EmailAddressJSON,
  UserJSON,
} from '../../src/api/wire-types'
import { createFapiEmulator } from '../../src/testing/emulator'
import { type EmulatorServer, startEmulatorServer } from '../../src/testing/http-server'
import type { OutboxMessage } from '../../src/testing/types'
import {
  type ClerkJsCall,
  type ClerkJsIdentity,
  clerkJsRequest,
  devBrowserRequest,
} from './clerk-js-requests'
import type { ShapeName } from './schemas'
import { type Body, sendChecked } from './send'

const emulator = createFapiEmulator({
  users: [
    { first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@example.com'] },
    { first_name: 'Bob', last_name: 'Roe', email_addresses: ['bob@example.com'] },
  ],
  // Links are opt-in on a Clerk instance; this instance offers them.
  settings: {
    ssoDomains: ['sso.example'],
    strategies: ['email_code', 'email_link', 'enterprise_sso'],
  },
})
let server: EmulatorServer
const identity: ClerkJsIdentity = {
  base: '',
  devBrowser: null,
  sessionId: null,
  origin: 'http://localhost:5173',
}

beforeAll(async () => {
  server = await startEmulatorServer({ emulator, port: 0 })
  identity.base = server.url
})
afterAll(async () => {
  await server.close()
})

function send(call: ClerkJsCall, shape: ShapeName, status = 200) {
  return sendChecked(identity, call, shape, status)
}

function userOf(body: Body): UserJSON {
  const client = (body.client ?? (body.meta as Body).client) as ClientJSON
  const session = client.sessions.find((s) => s.id === identity.sessionId)
  expect(session, 'the current session rides in every client snapshot').toBeDefined()
  return session!.user!
}

async function outbox(): Promise<OutboxMessage[]> {
  return (await (await fetch(`${server.url}/__emulator/outbox`)).json()) as OutboxMessage[]
}

describe('contract: clerk-js lifecycle over HTTP', () => {
  let added = ''

  it('loads like clerk-js: dev browser, environment touch, client', async () => {
    const dev = await fetch(devBrowserRequest(server.url))
    const token = (await dev.json()) as DevBrowserJSON
    expect(dev.status).toBe(200)
    expect(token.id).toBe(token.token)
    identity.devBrowser = token.id
    const env = await fetch(clerkJsRequest(identity, { method: 'PATCH', path: '/environment' }))
    expect(env.status).toBe(200)
    const { body } = await send({ method: 'GET', path: '/client' }, 'ClientWrappedClient')
    const client = body.response as ClientJSON
    expect(client.sessions).toHaveLength(1)
    identity.sessionId = client.last_active_session_id
    await send(
      { method: 'POST', path: `/client/sessions/${identity.sessionId}/touch` },
      'ClientWrappedSession',
    )
    await send(
      {
        method: 'POST',
        path: `/client/sessions/${identity.sessionId}/tokens`,
        body: { organization_id: null, tab_state: 'focused' },
      },
      'Token',
    )
  })

  it('reads /me and the list', async () => {
    const me = await send({ method: 'GET', path: '/me' }, 'ClientWrappedUser')
    expect((me.body.response as UserJSON).email_addresses).toHaveLength(1)
    const list = await send({ method: 'GET', path: '/me/email_addresses' }, 'EmailAddressList')
    expect(Array.isArray(list.body)).toBe(true)
  })

  it('creates (trailing slash), prepares, fails once, attempts, and sets primary', async () => {
    const created = await send(
      {
        method: 'POST',
        path: '/me/email_addresses/',
        body: { email_address: 'jane.work@example.com' },
      },
      'ClientWrappedEmailAddress',
    )
    added = (created.body.response as EmailAddressJSON).id
    expect((created.body.response as EmailAddressJSON).verification).toBeNull()
    expect(userOf(created.body).email_addresses.map((e) => e.id)).toContain(added)
    await send(
      {
        method: 'POST',
        path: `/me/email_addresses/${added}/prepare_verification`,
        body: { strategy: 'email_code' },
      },
      'ClientWrappedEmailAddress',
    )
    const code = (await outbox()).at(-1)!.code!
    const wrong = await send(
      {
        method: 'POST',
        path: `/me/email_addresses/${added}/attempt_verification`,
        body: { code: code === '000000' ? '111111' : '000000' },
      },
      'ClerkErrors',
      422,
    )
    expect(
      userOf(wrong.body).email_addresses.find((e) => e.id === added)?.verification?.attempts,
    ).toBe(1)
    const attempted = await send(
      { method: 'POST', path: `/me/email_addresses/${added}/attempt_verification`, body: { code } },
      'ClientWrappedEmailAddress',
    )
    expect((attempted.body.response as EmailAddressJSON).verification?.status).toBe('verified')
    const patched = await send(
      { method: 'PATCH', path: '/me', body: { primary_email_address_id: added } },
      'ClientWrappedUser',
    )
    expect((patched.body.response as UserJSON).primary_email_address_id).toBe(added)
    expect(userOf(patched.body).primary_email_address_id).toBe(added)
  })

  it('verifies by email link while polling GET /me/email_addresses/{id}', async () => {
    const created = await send(
      { method: 'POST', path: '/me/email_addresses/', body: { email_address: 'link@example.com' } },
      'ClientWrappedEmailAddress',
    )
    const id = (created.body.response as EmailAddressJSON).id
    await send(
      {
        method: 'POST',
        path: `/me/email_addresses/${id}/prepare_verification`,
        body: { strategy: 'email_link', redirect_url: 'http://localhost:5173/verify' },
      },
      'ClientWrappedEmailAddress',
    )
    const poll = await send(
      { method: 'GET', path: `/me/email_addresses/${id}` },
      'ClientWrappedEmailAddress',
    )
    expect((poll.body.response as EmailAddressJSON).verification?.status).toBe('unverified')
    const landing = await fetch((await outbox()).at(-1)!.link!, { redirect: 'manual' })
    expect(landing.status).toBe(303)
    const after = await send(
      { method: 'GET', path: `/me/email_addresses/${id}` },
      'ClientWrappedEmailAddress',
    )
    expect((after.body.response as EmailAddressJSON).verification).toMatchObject({
      status: 'verified',
      strategy: 'email_link',
    })
  })

  it('prepares enterprise_sso on an SSO-domain address with an absolute IdP URL', async () => {
    const created = await send(
      { method: 'POST', path: '/me/email_addresses/', body: { email_address: 'jane@sso.example' } },
      'ClientWrappedEmailAddress',
    )
    const address = created.body.response as EmailAddressJSON
    expect(address.matches_sso_connection).toBe(true)
    await send(
      {
        method: 'POST',
        path: `/me/email_addresses/${address.id}/prepare_verification`,
        body: { strategy: 'enterprise_sso', redirect_url: 'http://localhost:5173/sso' },
      },
      'ClientWrappedEmailAddress',
    )
  })

  it('answers every error as ClerkErrors: taken, bad format, not found, bad session, unknown dev browser', async () => {
    const taken = await send(
      { method: 'POST', path: '/me/email_addresses/', body: { email_address: 'bob@example.com' } },
      'ClerkErrors',
      422,
    )
    expect((taken.body.errors as Body[])[0]).toMatchObject({
      code: 'form_identifier_exists',
      meta: { param_name: 'email_address' },
    })
    await send(
      { method: 'POST', path: '/me/email_addresses/', body: { email_address: 'nope' } },
      'ClerkErrors',
      422,
    )
    await send(
      { method: 'DELETE', path: '/me/email_addresses/idn_2hQ7mZk1VbX9yTq3LcN8rWp4sJd' },
      'ClerkErrors',
      404,
    )
    const session = identity.sessionId
    identity.sessionId = 'sess_2hQ6z1dYc9OoQ5sU2tVwX0aLnMb'
    await send({ method: 'GET', path: '/me' }, 'ClerkErrors', 401)
    identity.sessionId = session
    const devBrowser = identity.devBrowser
    identity.devBrowser = 'expired'
    const unknown = await send({ method: 'GET', path: '/client' }, 'ClerkErrors', 401)
    expect((unknown.body.errors as Body[])[0]!.code).toBe('dev_browser_unauthenticated')
    identity.devBrowser = devBrowser
  })

  it('deletes with POST + _method=DELETE and an empty form body', async () => {
    const deleted = await send(
      { method: 'DELETE', path: `/me/email_addresses/${added}` },
      'ClientWrappedDeletedObject',
    )
    expect(deleted.body.response).toEqual({ object: 'email_address', id: added, deleted: true })
    expect(userOf(deleted.body).email_addresses.map((e) => e.id)).not.toContain(added)
  })

  it('signs out like clerk.signOut(): DELETE /client/sessions keeps the client, ends the session', async () => {
    const signedOut = await send(
      { method: 'DELETE', path: '/client/sessions' },
      'ClientWrappedClient',
    )
    const client = signedOut.body.response as ClientJSON
    expect(client.last_active_session_id).toBeNull()
    expect(client.sessions.filter((s) => s.id === identity.sessionId)).toEqual([])
    // The same dev browser still works; the ended session no longer reaches /me.
    const me = await send({ method: 'GET', path: '/me' }, 'ClerkErrors', 401)
    expect((me.body.errors as Body[])[0]!.code).toBe('authentication_invalid')
  })
})
