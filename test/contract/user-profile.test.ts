/**
 * The contract of what Clerk's `<UserProfile/>` asks for beyond the email endpoints, over real HTTP
 * on 127.0.0.1 with requests built the way clerk-js builds them, every answer validated against the
 * JSON Schemas converted from Clerk's OpenAPI file: the complete environment, the active sessions,
 * the enterprise connections, a reverification, and deleting the primary.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ClientJSON, DevBrowserJSON, UserJSON } from '../../src/api/wire-types'
import { createFapiEmulator } from '../../src/testing/emulator'
import { type EmulatorServer, startEmulatorServer } from '../../src/testing/http-server'
import { type ClerkJsCall, type ClerkJsIdentity, devBrowserRequest } from './clerk-js-requests'
import type { ShapeName } from './schemas'
import { type Body, sendChecked } from './send'

const emulator = createFapiEmulator({
  users: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      email_addresses: ['jane@example.com', { email_address: 'new@example.com', verified: false }],
    },
  ],
  settings: { reverificationRequired: ['set_primary_email_address', 'delete_email_address'] },
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
beforeEach(async () => {
  emulator.reset()
  const dev = (await (await fetch(devBrowserRequest(server.url))).json()) as DevBrowserJSON
  identity.devBrowser = dev.id
  identity.sessionId = emulator.signedIn.sessionId
})

async function send(call: ClerkJsCall, shape: ShapeName, status = 200) {
  return (await sendChecked(identity, call, shape, status)).body
}

/** Verifies one of the user's addresses by code, as clerk-js does. */
async function verifyByCode(id: string, address: string) {
  const path = `/me/email_addresses/${id}`
  const prepare = { strategy: 'email_code' }
  await send(
    { method: 'POST', path: `${path}/prepare_verification`, body: prepare },
    'ClientWrappedEmailAddress',
  )
  const code = emulator.latestMessage(address)!.code
  await send(
    { method: 'POST', path: `${path}/attempt_verification`, body: { code } },
    'ClientWrappedEmailAddress',
  )
}

function userOf(body: Body): UserJSON {
  const client = (body.client ?? (body.meta as Body).client) as ClientJSON
  return client.sessions.find((s) => s.id === identity.sessionId)!.user!
}

async function emailIds() {
  const me = await send({ method: 'GET', path: '/me' }, 'ClientWrappedUser')
  const [jane, added] = (me.response as UserJSON).email_addresses
  return { jane: jane!.id, added: added!.id }
}

describe('contract: what <UserProfile/> reads', () => {
  it('the environment has every field the spec requires, as a fresh code-only instance', async () => {
    for (const method of ['GET', 'PATCH'] as const) {
      const env = await send({ method, path: '/environment' }, 'Environment')
      expect(env).toMatchObject({
        auth_config: { first_factors: ['email_code'], password: 'off', single_session_mode: true },
        display_config: { instance_environment_type: 'development', captcha_public_key: null },
        user_settings: {
          attributes: {
            email_address: { enabled: true, required: true, verifications: ['email_code'] },
            password: { enabled: false },
            first_name: { enabled: false },
          },
          sign_in: { second_factor: { required: false } },
          actions: { delete_self: false },
        },
        organization_settings: { enabled: false },
        commerce_settings: { billing: { user: { enabled: false } } },
        api_keys_settings: { enabled: false },
        protect_config: { loaders: [] },
      })
    }
  })

  it('GET /me/sessions/active is a bare array of ActiveSession with latest_activity', async () => {
    const sessions = await send({ method: 'GET', path: '/me/sessions/active' }, 'ActiveSessions')
    expect(sessions).toEqual([
      expect.objectContaining({
        id: identity.sessionId,
        latest_activity: expect.objectContaining({ is_mobile: false }),
      }),
    ])
  })

  it('GET /me/enterprise_connections is wrapped and empty without a connection', async () => {
    const body = await send(
      {
        method: 'GET',
        path: '/me/enterprise_connections',
        search: { with_organization_account_linking: 'true' },
      },
      'ClientWrappedEnterpriseConnections',
    )
    expect(body.response).toEqual([])
  })

  it('and lists a seeded connection when the verified primary is on its domain', async () => {
    emulator.reset({
      users: [{ email_addresses: ['jane@sso.example'] }],
      settings: { ssoDomains: ['sso.example'] },
    })
    identity.sessionId = emulator.signedIn.sessionId
    const dev = (await (await fetch(devBrowserRequest(server.url))).json()) as DevBrowserJSON
    identity.devBrowser = dev.id
    const body = await send(
      { method: 'GET', path: '/me/enterprise_connections' },
      'ClientWrappedEnterpriseConnections',
    )
    expect(body.response).toEqual([expect.objectContaining({ domains: ['sso.example'] })])
  })
})

describe('contract: reverification as Clerk’s modal drives it', () => {
  it('403 → verify → prepare_first_factor → wrong code → right code → the retried PATCH /me succeeds', async () => {
    const ids = await emailIds()
    await verifyByCode(ids.added, 'new@example.com')
    const patch: ClerkJsCall = {
      method: 'PATCH',
      path: '/me',
      body: { primary_email_address_id: ids.added },
    }
    const denied = await send(patch, 'ClerkErrors', 403)
    expect((denied.errors as Body[])[0]).toMatchObject({
      code: 'session_reverification_required',
      meta: { reverification: { level: 'first_factor' } },
    })
    const path = `/client/sessions/${identity.sessionId}/verify`
    const started = await send(
      { method: 'POST', path, body: { level: 'second_factor' } },
      'ClientWrappedSessionReverification',
    )
    expect(started.response).toMatchObject({ status: 'needs_first_factor', level: 'first_factor' })
    await send(
      {
        method: 'POST',
        path: `${path}/prepare_first_factor`,
        body: { email_address_id: ids.jane, strategy: 'email_code' },
      },
      'ClientWrappedSessionReverification',
    )
    const code = emulator.latestMessage('jane@example.com')!
    expect(code.purpose).toBe('reverification')
    const wrong = await send(
      {
        method: 'POST',
        path: `${path}/attempt_first_factor`,
        body: { strategy: 'email_code', code: code.code === '000000' ? '111111' : '000000' },
      },
      'ClerkErrors',
      422,
    )
    expect((wrong.errors as Body[])[0]).toMatchObject({
      code: 'form_code_incorrect',
      meta: { param_name: 'code' },
    })
    const done = await send(
      {
        method: 'POST',
        path: `${path}/attempt_first_factor`,
        body: { strategy: 'email_code', code: code.code },
      },
      'ClientWrappedSessionReverification',
    )
    expect(done.response).toMatchObject({ status: 'complete' })
    const retried = await send(patch, 'ClientWrappedUser')
    expect((retried.response as UserJSON).primary_email_address_id).toBe(ids.added)
  })
})

describe('contract: deleting the primary', () => {
  it('is refused while the only other address is unverified: 400, primary unchanged', async () => {
    emulator.reverify()
    const ids = await emailIds()
    const refused = await send(
      { method: 'DELETE', path: `/me/email_addresses/${ids.jane}` },
      'ClerkErrors',
      400,
    )
    expect((refused.errors as Body[])[0]).toMatchObject({
      code: 'last_required_identification_deletion_failed',
      long_message:
        'You are required to maintain at least one email address in your account at all times',
    })
    expect(userOf(refused).primary_email_address_id).toBe(ids.jane)
    expect(userOf(refused).email_addresses).toHaveLength(2)
  })

  it('passes the primary to the other address once that one is verified', async () => {
    emulator.reverify()
    const ids = await emailIds()
    await verifyByCode(ids.added, 'new@example.com')
    const deleted = await send(
      { method: 'DELETE', path: `/me/email_addresses/${ids.jane}` },
      'ClientWrappedDeletedObject',
    )
    expect(userOf(deleted).primary_email_address_id).toBe(ids.added)
  })
})
