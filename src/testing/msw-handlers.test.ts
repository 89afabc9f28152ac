import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { EmailAddressJSON, UserJSON } from '../api/wire-types'
import { createFapiEmulator } from './emulator'
import { createEmulatorHandlers } from './msw-handlers'

const emulator = createFapiEmulator()
const server = setupServer(...createEmulatorHandlers(emulator))

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
beforeEach(() => emulator.reset())
afterAll(() => server.close())

describe('msw handlers', () => {
  it('serve FAPI on any origin: a publishable-key host and a proxy URL', async () => {
    const fapi = await fetch(
      'https://foo-bar-13.clerk.accounts.dev/v1/me?__clerk_api_version=2026-05-12',
    )
    expect(fapi.status).toBe(200)
    const body = (await fapi.json()) as { response: UserJSON }
    expect(body.response.id).toBe(emulator.signedIn.userId)
    const proxied = await fetch(
      'http://localhost:3000/__clerk/v1/me/email_addresses/?_clerk_session_id=' +
        emulator.signedIn.sessionId,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email_address=msw%40example.com',
      },
    )
    const created = (await proxied.json()) as { response: EmailAddressJSON }
    expect(created.response.email_address).toBe('msw@example.com')
  })

  it('turn a dropped-connection fault into a network error', async () => {
    emulator.injectFault({ path: '/v1/client', drop: true })
    await expect(fetch('https://foo-bar-13.clerk.accounts.dev/v1/client')).rejects.toThrow(
      TypeError,
    )
  })

  it('leave unrelated /v1 APIs alone, and other origins when an origin is given', async () => {
    // Port 9 refuses connections: a request the handlers let through fails, one they serve succeeds.
    await expect(fetch('http://127.0.0.1:9/v1/payments')).rejects.toThrow(TypeError)
    server.resetHandlers(...createEmulatorHandlers(emulator, { origin: 'http://127.0.0.1:9' }))
    try {
      expect((await fetch('http://127.0.0.1:9/v1/me')).status).toBe(200)
      await expect(fetch('http://127.0.0.2:9/v1/me')).rejects.toThrow(TypeError)
    } finally {
      server.resetHandlers(...createEmulatorHandlers(emulator))
    }
  })
})
