/**
 * The library's own client (src/api) against the emulator over real HTTP: every operation, the error
 * mapping, and a strict emulator reached through a development key's dev browser. The two sides share
 * only wire types, so a disagreement between them fails here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFapiClient, type FapiClient } from '../../src/api/fapi-client'
import { FapiError } from '../../src/api/fapi-error'
import { createFapiEmulator } from '../../src/testing/emulator'
import { type EmulatorServer, startEmulatorServer } from '../../src/testing/http-server'

// pk_test_ for foo-bar-13.clerk.accounts.dev: a development host, so the client uses a dev browser.
const DEV_KEY = 'pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk'

const emulator = createFapiEmulator({
  strict: true,
  // Links are opt-in on a Clerk instance; this instance offers them.
  settings: { strategies: ['email_code', 'email_link'] },
  users: [
    { first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@example.com'] },
    { first_name: 'Bob', last_name: 'Roe', email_addresses: ['bob@example.com'] },
  ],
})
let server: EmulatorServer
let client: FapiClient

beforeAll(async () => {
  server = await startEmulatorServer({ emulator, port: 0 })
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  emulator.reset()
  client = createFapiClient({
    publishableKey: DEV_KEY,
    proxyUrl: server.url,
    getSessionId: () => emulator.signedIn.sessionId,
  })
})

async function failure(promise: Promise<unknown>): Promise<FapiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FapiError)
  return error as FapiError
}

describe('contract: the src/api client against the emulator over HTTP', () => {
  it('runs the whole lifecycle: get, list, create, prepare, attempt, set primary, delete', async () => {
    const me = await client.me.get()
    expect(me.user.emailAddresses.map((e) => e.emailAddress)).toEqual(['jane@example.com'])
    expect(await client.emailAddresses.list()).toHaveLength(1)
    const created = await client.emailAddresses.create({ emailAddress: 'work@example.com' })
    expect(created.emailAddress.verification).toBeNull()
    expect(created.user?.emailAddresses).toHaveLength(2)
    const id = created.emailAddress.id
    const prepared = await client.emailAddresses.prepareVerification(id, { strategy: 'email_code' })
    expect(prepared.emailAddress.verification?.status).toBe('unverified')
    const code = emulator.latestMessage('work@example.com')!.code!
    const verified = await client.emailAddresses.attemptVerification(id, { code })
    expect(verified.emailAddress.verification?.status).toBe('verified')
    expect((await client.emailAddresses.get(id)).emailAddress.id).toBe(id)
    const primary = await client.me.update({ primaryEmailAddressId: id })
    expect(primary.user.primaryEmailAddressId).toBe(id)
    const old = me.user.emailAddresses[0]!.id
    const deleted = await client.emailAddresses.delete(old)
    expect(deleted.deleted).toEqual({ id: old, deleted: true })
    expect(deleted.user?.emailAddresses.map((e) => e.id)).toEqual([id])
  })

  it('maps the emulator’s errors: field errors, attempts in the user, 404, 429 with retryAfter', async () => {
    const taken = await failure(client.emailAddresses.create({ emailAddress: 'bob@example.com' }))
    expect([taken.status, taken.code]).toEqual([422, 'form_identifier_exists'])
    expect(taken.fieldErrors.emailAddress?.code).toBe('form_identifier_exists')
    const { emailAddress } = await client.emailAddresses.create({ emailAddress: 'new@example.com' })
    await client.emailAddresses.prepareVerification(emailAddress.id, { strategy: 'email_code' })
    const right = emulator.latestMessage()!.code!
    const wrong = await failure(
      client.emailAddresses.attemptVerification(emailAddress.id, {
        code: right === '000000' ? '111111' : '000000',
      }),
    )
    expect([wrong.status, wrong.code]).toEqual([422, 'form_code_incorrect'])
    expect(wrong.fieldErrors.code?.code).toBe('form_code_incorrect')
    const attempts = wrong.user?.emailAddresses.find((e) => e.id === emailAddress.id)?.verification
    expect(attempts?.attempts).toBe(1)
    const throttled = await failure(
      client.emailAddresses.prepareVerification(emailAddress.id, { strategy: 'email_code' }),
    )
    expect([throttled.status, throttled.retryAfter]).toEqual([429, 30])
    const missing = await failure(client.emailAddresses.get('idn_2hQ7mZk1VbX9yTq3LcN8rWp4sJd'))
    expect([missing.status, missing.code]).toEqual([404, 'resource_not_found'])
  })

  it('prepares an email link with an absolute redirect and sees it verified after the link is opened', async () => {
    const { emailAddress } = await client.emailAddresses.create({
      emailAddress: 'link@example.com',
    })
    await client.emailAddresses.prepareVerification(emailAddress.id, {
      strategy: 'email_link',
      redirectUrl: 'http://localhost:5173/verified',
    })
    const landing = await fetch(emulator.latestMessage()!.link!, { redirect: 'manual' })
    expect(landing.status).toBe(303)
    const polled = await client.emailAddresses.get(emailAddress.id)
    expect(polled.emailAddress.verification?.status).toBe('verified')
  })
})
