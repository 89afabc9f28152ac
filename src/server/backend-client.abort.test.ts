import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  backendFailure,
  bapiEmailJSON,
  bapiError,
  EMAIL_ID,
  SECRET_KEY,
  USER_ID,
} from '../../test/support/bapi-fixtures'
import { createFakeClock, type FakeClock } from '../../test/support/fake-clock'
import { setupWireServer } from '../../test/support/wire-server'
import { type BackendClientOptions, createBackendClient } from './backend-client'
import { DEFAULT_TIMEOUT_MS } from './retry'

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
    [
      'get',
      (apiUrl: string, signal: AbortSignal) =>
        client({ apiUrl }).emailAddresses.get(EMAIL_ID, { signal }),
    ],
    [
      'create',
      (apiUrl: string, signal: AbortSignal) =>
        client({ apiUrl }).emailAddresses.create(newAddress, { signal }),
    ],
  ])('stops a %s in flight with the abort reason, not a network error', async (_name, call) => {
    const silent = await silentServer()
    try {
      const controller = new AbortController()
      const pending = call(silent.url, controller.signal)
      // Abort once the request has reached the server, not after a guessed delay.
      await silent.arrived(1)
      controller.abort(new DOMException('user left', 'AbortError'))
      await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user left' })
      expect(clock.sleeps).toEqual([])
      expect(silent.received).toBe(1)
    } finally {
      await silent.close()
    }
  })

  it('sends nothing when the signal is already aborted', async () => {
    const call = client().emailAddresses.create(newAddress, { signal: AbortSignal.abort() })
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    expect(server.requests).toHaveLength(0)
  })
})

/** A server on 127.0.0.1 that takes requests and never answers; `arrived(n)` resolves once n came. */
async function silentServer() {
  const waiting: { count: number; resolve: () => void }[] = []
  let received = 0
  const server = createServer((req) => {
    req.resume()
    received += 1
    for (const entry of waiting.filter((w) => w.count <= received)) {
      entry.resolve()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return received
    },
    arrived: (count: number) =>
      new Promise<void>((resolve) => {
        if (received >= count) {
          resolve()
        } else {
          waiting.push({ count, resolve })
        }
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('timeouts', () => {
  it('gives each attempt 30 s by default; a call or the client may change it, 0 turns it off', async () => {
    server.respond(() => ({ json: bapiEmailJSON() }))
    await client().emailAddresses.get(EMAIL_ID)
    await client({ timeoutMs: 5_000 }).emailAddresses.get(EMAIL_ID)
    await client({ timeoutMs: 5_000 }).emailAddresses.get(EMAIL_ID, { timeoutMs: 100 })
    await client().emailAddresses.get(EMAIL_ID, { timeoutMs: 0 })
    expect(clock.timers).toEqual([DEFAULT_TIMEOUT_MS, 5_000, 100])
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000)
    expect(() => client({ timeoutMs: -1 })).toThrow(/timeoutMs must be a number/)
    await expect(client().emailAddresses.get(EMAIL_ID, { timeoutMs: Number.NaN })).rejects.toThrow(
      /timeoutMs must be a number/,
    )
  })

  it('a create that times out is not sent again, and says it may have been applied', async () => {
    const silent = await silentServer()
    try {
      const pending = client({ apiUrl: silent.url }).emailAddresses.create(newAddress)
      await silent.arrived(1)
      expect(clock.fireTimers()).toBe(1)
      const error = await backendFailure(pending)
      expect(error).toMatchObject({
        kind: 'timeout',
        status: 0,
        code: 'timeout',
        mayHaveReachedServer: true,
      })
      expect(error.message).toMatch(/did not answer within 30000 ms; the server may have processed/)
      expect(silent.received).toBe(1)
      expect(clock.sleeps).toEqual([])
    } finally {
      await silent.close()
    }
  })

  it('a get that times out is retried with backoff, each attempt with its own timeout', async () => {
    const silent = await silentServer()
    try {
      const pending = client({
        apiUrl: silent.url,
        timeoutMs: 1_000,
        retries: { backoff: { maxElapsedTimeMs: 2_000 } },
      }).emailAddresses.get(EMAIL_ID)
      // Attempt 1 and 2 time out (500 ms wait between); the third would end past 2 s: give up.
      await silent.arrived(1)
      clock.fireTimers()
      await silent.arrived(2)
      clock.fireTimers()
      const error = await backendFailure(pending)
      expect(error).toMatchObject({ kind: 'timeout', code: 'timeout' })
      expect(silent.received).toBe(2)
      expect(clock.timers).toEqual([1_000, 1_000])
      expect(clock.sleeps).toEqual([500])
    } finally {
      await silent.close()
    }
  })

  it('an abort during the wait for an answer rejects with the abort reason, not a timeout', async () => {
    const silent = await silentServer()
    try {
      const controller = new AbortController()
      const pending = client({ apiUrl: silent.url }).emailAddresses.get(EMAIL_ID, {
        signal: controller.signal,
      })
      await silent.arrived(1)
      controller.abort(new DOMException('user left', 'AbortError'))
      await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user left' })
      // The timer of the aborted attempt was cleared: nothing is left to fire.
      expect(clock.fireTimers()).toBe(0)
    } finally {
      await silent.close()
    }
  })
})
