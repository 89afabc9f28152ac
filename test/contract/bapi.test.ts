/**
 * The BAPI contract: `@clerk/backend`-style JSON calls over real HTTP, answers validated as bare
 * resources against the project's schemas (PROTOCOL §6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmailAddressJSON } from '../../src/api/wire-types'
import { createFapiEmulator } from '../../src/testing/emulator'
import { type EmulatorServer, startEmulatorServer } from '../../src/testing/http-server'
import { violations } from './schemas'

const emulator = createFapiEmulator()
let server: EmulatorServer

beforeAll(async () => {
  server = await startEmulatorServer({ emulator, port: 0 })
})
afterAll(async () => {
  await server.close()
})

describe('contract: BAPI over HTTP', () => {
  const bapi = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/v1${path}`, {
      method,
      headers: { authorization: 'Bearer sk_test_emulator', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  it('creates, gets, updates and deletes bare resources', async () => {
    const userId = emulator.signedIn.userId
    const created = await bapi('POST', '/email_addresses', {
      user_id: userId,
      email_address: 'ops@example.com',
      verified: true,
      primary: false,
    })
    const body = (await created.json()) as EmailAddressJSON
    expect(violations('EmailAddress', body)).toBe('')
    for (const [method, extra] of [
      ['GET', undefined],
      ['PATCH', { verified: false }],
    ] as const) {
      const res = await bapi(method, `/email_addresses/${body.id}`, extra)
      expect(violations('EmailAddress', await res.json())).toBe('')
    }
    const deleted = await bapi('DELETE', `/email_addresses/${body.id}`)
    expect(violations('DeletedObject', await deleted.json())).toBe('')
    const missing = await bapi('GET', `/email_addresses/${body.id}`)
    expect(missing.status).toBe(404)
    expect(violations('ClerkErrors', await missing.json())).toBe('')
  })
})
