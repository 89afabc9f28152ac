import { beforeEach, describe, expect, it } from 'vitest'
import {
  bapiEmailJSON,
  bapiError,
  EMAIL_ID,
  SECRET_KEY,
  USER_ID,
} from '../../test/support/bapi-fixtures'
import { createFakeClock, type FakeClock } from '../../test/support/fake-clock'
import { setupWireServer } from '../../test/support/wire-server'
import { type BackendClientOptions, createBackendClient } from './backend-client'

const server = setupWireServer(() => ({ json: bapiEmailJSON() }))
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock()
})

const client = (options: Partial<BackendClientOptions> = {}) =>
  createBackendClient({ secretKey: SECRET_KEY, apiUrl: server.url, clock, ...options })
const newAddress = { userId: USER_ID, emailAddress: 'ops@example.com' }
const unavailable = bapiError(503, 'maintenance_mode')

describe('aborting', () => {
  it('stops during a wait, with the signal’s reason, and sends nothing more', async () => {
    const controller = new AbortController()
    clock.onSleep = () => controller.abort(new DOMException('stop', 'AbortError'))
    server.respond(() => unavailable)
    const call = client().emailAddresses.get(EMAIL_ID, { signal: controller.signal })
    await expect(call).rejects.toMatchObject({ name: 'AbortError', message: 'stop' })
    expect(server.requests).toHaveLength(1)
  })

  it.each([
    ['get', (signal: AbortSignal) => client().emailAddresses.get(EMAIL_ID, { signal })],
    ['create', (signal: AbortSignal) => client().emailAddresses.create(newAddress, { signal })],
  ])('stops a %s in flight with the abort reason, not a network error', async (_name, call) => {
    const controller = new AbortController()
    server.queue({ delayMs: 300, json: bapiEmailJSON() })
    const pending = call(controller.signal)
    setTimeout(() => controller.abort(new DOMException('user left', 'AbortError')), 30)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user left' })
    expect(clock.sleeps).toEqual([])
  })

  it('sends nothing when the signal is already aborted', async () => {
    const call = client().emailAddresses.create(newAddress, { signal: AbortSignal.abort() })
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    expect(server.requests).toHaveLength(0)
  })
})
