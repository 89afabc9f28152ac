/**
 * The Backend API client against the emulator's BAPI routes over real HTTP: what an end-to-end test's
 * set-up does (seed a verified primary address for a user), and what the signed-in user then sees over
 * FAPI. The emulator is the server side, written independently of this client, so a disagreement on the
 * wire shows up here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { backendFailure, SECRET_KEY } from '../../test/support/bapi-fixtures'
import { createFakeClock } from '../../test/support/fake-clock'
import { createFapiClient } from '../api/fapi-client'
import { type EmulatorServer, startEmulatorServer } from '../testing/node'
import { type BackendClient, createBackendClient } from './backend-client'

let server: EmulatorServer
let clerk: BackendClient
let userId: string

beforeAll(async () => {
  server = await startEmulatorServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.emulator.reset({
    secretKey: SECRET_KEY,
    users: [{ email_addresses: ['jane@example.com'] }],
  })
  userId = server.emulator.signedIn.userId
  clerk = createBackendClient({
    secretKey: SECRET_KEY,
    apiUrl: server.url,
    clock: createFakeClock(),
  })
})

describe('seeding a verified address for an end-to-end test', () => {
  it('creates a verified primary address that the signed-in user sees over FAPI', async () => {
    const seeded = await clerk.emailAddresses.create({
      userId,
      emailAddress: 'ops+clerk_test@example.com',
      verified: true,
      primary: true,
    })
    expect(seeded).toMatchObject({
      id: expect.stringMatching(/^idn_/),
      emailAddress: 'ops+clerk_test@example.com',
      verification: { status: 'verified', strategy: 'admin' },
    })
    expect(await clerk.emailAddresses.get(seeded.id)).toEqual(seeded)

    const fapi = createFapiClient({
      proxyUrl: server.url,
      sessionId: server.emulator.signedIn.sessionId,
    })
    const { user } = await fapi.me.get()
    expect(user.primaryEmailAddressId).toBe(seeded.id)
    expect(user.emailAddresses.map((email) => email.emailAddress).sort()).toEqual([
      'jane@example.com',
      'ops+clerk_test@example.com',
    ])
  })

  it('updates an unverified address to verified and primary, then deletes the old one', async () => {
    const added = await clerk.emailAddresses.create({ userId, emailAddress: 'new@example.com' })
    expect(added.verification?.status ?? 'none').not.toBe('verified')
    const updated = await clerk.emailAddresses.update(added.id, { verified: true, primary: true })
    expect(updated.verification).toMatchObject({ status: 'verified', strategy: 'admin' })

    const fapi = createFapiClient({
      proxyUrl: server.url,
      sessionId: server.emulator.signedIn.sessionId,
    })
    const old = (await fapi.me.get()).user.emailAddresses.find(
      (email) => email.emailAddress === 'jane@example.com',
    )
    expect(await clerk.emailAddresses.delete(old!.id)).toEqual({
      object: 'email_address',
      id: old!.id,
      slug: null,
      deleted: true,
    })
    expect((await fapi.me.get()).user.emailAddresses.map((email) => email.id)).toEqual([added.id])
  })
})

describe('checking through the Backend API that an email change reached the user', () => {
  it('users.get and users.list({ emailAddress }) show the new primary address', async () => {
    const added = await clerk.emailAddresses.create({
      userId,
      emailAddress: 'Moved@Example.com',
      verified: true,
      primary: true,
    })
    const user = await clerk.users.get(userId)
    expect(user.primaryEmailAddressId).toBe(added.id)
    expect(user.emailAddresses.map((email) => email.emailAddress)).toEqual([
      'jane@example.com',
      'moved@example.com',
    ])
    const found = await clerk.users.list({ emailAddress: ['moved@example.com'] })
    expect(found.map((candidate) => candidate.id)).toEqual([userId])
    expect(await clerk.users.count({ emailAddress: ['nobody@example.com'] })).toBe(0)
    expect(await backendFailure(clerk.users.get('user_nobody'))).toMatchObject({
      kind: 'api',
      status: 404,
      code: 'resource_not_found',
    })
  })

  it('an API version the server does not know is refused with a clear 400', async () => {
    const future = createBackendClient({
      secretKey: SECRET_KEY,
      apiUrl: server.url,
      apiVersion: '2099-01-01',
    })
    const error = await backendFailure(future.users.get(userId))
    expect(error).toMatchObject({ kind: 'api', status: 400, code: 'bad_request' })
    expect(error.message).toMatch(/"2099-01-01" is not a Clerk API version/)
  })
})

describe('errors from the emulator', () => {
  it('answers 404 resource_not_found for an unknown or deleted address', async () => {
    const added = await clerk.emailAddresses.create({ userId, emailAddress: 'gone@example.com' })
    await clerk.emailAddresses.delete(added.id)
    expect(await backendFailure(clerk.emailAddresses.get(added.id))).toMatchObject({
      status: 404,
      code: 'resource_not_found',
    })
    expect(
      await backendFailure(
        clerk.emailAddresses.create({ userId: 'user_nobody', emailAddress: 'a@b.co' }),
      ),
    ).toMatchObject({ status: 404, code: 'resource_not_found' })
  })

  it('answers 422 form_identifier_exists on the emailAddress field for a taken address', async () => {
    const error = await backendFailure(
      clerk.emailAddresses.create({ userId, emailAddress: 'jane@example.com' }),
    )
    expect(error).toMatchObject({ kind: 'api', status: 422, code: 'form_identifier_exists' })
    expect(error.errors[0]?.meta.paramName).toBe('email_address')
    expect(error.traceId).toEqual(expect.any(String))
  })

  it('answers 422 form_param_format_invalid for a malformed address', async () => {
    const error = await backendFailure(
      clerk.emailAddresses.create({ userId, emailAddress: 'not an address' }),
    )
    expect(error).toMatchObject({ kind: 'api', status: 422, code: 'form_param_format_invalid' })
    expect(error.errors.map((item) => item.meta.paramName)).toEqual(['email_address'])
  })

  it('answers 401 for a secret key of another instance', async () => {
    const stranger = createBackendClient({ secretKey: 'sk_test_another', apiUrl: server.url })
    expect(await backendFailure(stranger.emailAddresses.get('idn_x'))).toMatchObject({
      status: 401,
      code: 'authentication_invalid',
    })
  })
})

describe('retries against injected faults', () => {
  it('get retries an injected 500 and a dropped connection; create retries neither', async () => {
    const added = await clerk.emailAddresses.create({ userId, emailAddress: 'flaky@example.com' })
    server.emulator.injectFault({ method: 'GET', path: '/v1/email_addresses/*', status: 500 })
    server.emulator.injectFault({ method: 'GET', path: '/v1/email_addresses/*', drop: true })
    expect((await clerk.emailAddresses.get(added.id)).id).toBe(added.id)

    server.emulator.injectFault({ method: 'POST', path: '/v1/email_addresses', status: 500 })
    const error = await backendFailure(
      clerk.emailAddresses.create({ userId, emailAddress: 'twice@example.com' }),
    )
    expect(error).toMatchObject({ status: 500, code: 'internal_clerk_error' })
    server.emulator.injectFault({ method: 'POST', path: '/v1/email_addresses', drop: true })
    expect(
      await backendFailure(
        clerk.emailAddresses.create({ userId, emailAddress: 'twice@example.com' }),
      ),
    ).toMatchObject({ status: 0, code: 'network_error' })
  })
})
