import { beforeEach, describe, expect, it } from 'vitest'
import {
  bapiEmailJSON,
  bapiError,
  EMAIL_ID,
  backendFailure,
  SECRET_KEY,
  USER_ID,
} from '../../test/support/bapi-fixtures'
import { closedPort, listenOn } from '../../test/support/closed-port'
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
const deleted = { json: { object: 'email_address', id: EMAIL_ID, deleted: true } }
const serverError = bapiError(500, 'internal_clerk_error')
const unavailable = bapiError(503, 'maintenance_mode')

describe('get, update and delete retry (idempotent)', () => {
  it.each([
    ['get', () => client().emailAddresses.get(EMAIL_ID), 'GET'],
    ['update', () => client().emailAddresses.update(EMAIL_ID, { primary: true }), 'PATCH'],
    ['delete', () => client().emailAddresses.delete(EMAIL_ID), 'DELETE'],
  ])('%s retries a 5xx, then answers', async (name, call, method) => {
    if (name === 'delete') {
      server.respond(() => deleted)
    }
    server.queue(serverError, unavailable)
    await call()
    expect(server.requests.map((request) => request.method)).toEqual([method, method, method])
    // The seed SDK's backoff with no jitter: 500 ms, then 500 × 1.5.
    expect(clock.sleeps).toEqual([500, 750])
  })

  it.each([
    ['get', () => client().emailAddresses.get(EMAIL_ID)],
    ['update', () => client().emailAddresses.update(EMAIL_ID, { verified: true })],
    ['delete', () => client().emailAddresses.delete(EMAIL_ID)],
  ])('%s retries a connection dropped after the request was sent', async (name, call) => {
    if (name === 'delete') {
      server.respond(() => deleted)
    }
    server.queue({ drop: true }, { drop: true })
    await call()
    expect(server.requests).toHaveLength(3)
    expect(clock.sleeps).toEqual([500, 750])
  })

  it('does not retry a 4xx', async () => {
    server.respond(() => bapiError(404, 'resource_not_found'))
    expect(await backendFailure(client().emailAddresses.get(EMAIL_ID))).toMatchObject({
      status: 404,
    })
    expect(server.requests).toHaveLength(1)
  })
})

describe('create retries only what provably never reached the server', () => {
  it('does not retry a 500, a 503 or a 429', async () => {
    for (const reply of [serverError, unavailable, bapiError(429, 'too_many_requests')]) {
      server.requests.length = 0
      server.queue(reply)
      const error = await backendFailure(client().emailAddresses.create(newAddress))
      expect(error.status).toBe(reply.status)
      expect(server.requests).toHaveLength(1)
    }
    expect(clock.sleeps).toEqual([])
  })

  it('does not retry a connection dropped after the request was sent', async () => {
    server.queue({ drop: true })
    const error = await backendFailure(client().emailAddresses.create(newAddress))
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
    expect(error.message).toMatch(/may have processed/)
    expect(server.requests).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries a refused connection until the time is up, then says nothing was sent', async () => {
    const port = await closedPort()
    let attempts = 0
    const counting: typeof fetch = (input, init) => {
      attempts += 1
      return fetch(input, init)
    }
    const refused = createBackendClient({
      secretKey: SECRET_KEY,
      apiUrl: `http://127.0.0.1:${port}`,
      fetch: counting,
      clock,
      retries: { backoff: { initialIntervalMs: 100, exponent: 2, maxElapsedTimeMs: 1000 } },
    })
    const error = await backendFailure(refused.emailAddresses.create(newAddress))
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
    expect(error.message).toMatch(/not sent/)
    // 100 + 200 + 400 = 700 ms; the next wait (800) would end after 1000 ms.
    expect(clock.sleeps).toEqual([100, 200, 400])
    expect(attempts).toBe(4)
  })

  it('creates the address once the refusing server comes up', async () => {
    const port = await closedPort()
    let started: Awaited<ReturnType<typeof listenOn>> | null = null
    clock.onSleep = async (index) => {
      if (index === 1) {
        started = await listenOn(port, bapiEmailJSON())
      }
    }
    const refused = client({ apiUrl: `http://127.0.0.1:${port}` })
    try {
      expect((await refused.emailAddresses.create(newAddress)).id).toBe(EMAIL_ID)
      expect(clock.sleeps).toEqual([500, 750])
      expect(started!.paths).toEqual(['POST /v1/email_addresses'])
    } finally {
      await started!.close()
    }
  })

  it('retries a 5xx and a dropped connection when opted in with retryNonIdempotent', async () => {
    server.queue(serverError, { drop: true })
    await client().emailAddresses.create(newAddress, { retries: { retryNonIdempotent: true } })
    expect(server.requests).toHaveLength(3)
    server.requests.length = 0
    server.queue(serverError)
    const optedIn = client({ retries: { retryNonIdempotent: true, statusCodes: ['5XX'] } })
    await optedIn.emailAddresses.create(newAddress)
    expect(server.requests).toHaveLength(2)
  })

  it('listing 5XX alone does not opt create in', async () => {
    server.queue(serverError)
    await backendFailure(
      client().emailAddresses.create(newAddress, { retries: { statusCodes: ['5XX'] } }),
    )
    expect(server.requests).toHaveLength(1)
  })
})

describe('backoff spacing and limits', () => {
  it('waits initial × exponent^n + jitter, capped at maxIntervalMs, until maxElapsedTimeMs', async () => {
    clock = createFakeClock({ jitter: 0.25 })
    server.respond(() => unavailable)
    const backoff = {
      initialIntervalMs: 100,
      exponent: 2,
      maxIntervalMs: 1000,
      maxElapsedTimeMs: 10_000,
    }
    const error = await backendFailure(
      client({ retries: { backoff } }).emailAddresses.get(EMAIL_ID),
    )
    // 100+250, 200+250, 400+250, then 800+250 capped at 1000: 9450 ms in all; one more would pass 10 s.
    expect(clock.sleeps).toEqual([350, 450, 650, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000])
    expect(server.requests).toHaveLength(12)
    // The last answer is what the caller gets.
    expect(error).toMatchObject({ status: 503, code: 'maintenance_mode' })
  })

  it('uses up to a second of jitter, as the seed SDK does', async () => {
    clock = createFakeClock({ jitter: 0.999 })
    server.queue(unavailable)
    await client().emailAddresses.get(EMAIL_ID)
    expect(clock.sleeps).toEqual([500 + 999])
  })

  it('per-call retries override the client, field by field', async () => {
    server.respond(() => unavailable)
    const slow = client({ retries: { backoff: { initialIntervalMs: 1000, exponent: 1 } } })
    await backendFailure(
      slow.emailAddresses.get(EMAIL_ID, { retries: { backoff: { maxElapsedTimeMs: 2500 } } }),
    )
    expect(clock.sleeps).toEqual([1000, 1000])
    server.requests.length = 0
    await backendFailure(slow.emailAddresses.get(EMAIL_ID, { retries: { strategy: 'none' } }))
    expect(server.requests).toHaveLength(1)
  })

  it('retries only the listed status codes and, if told so, no connection errors', async () => {
    server.queue(serverError)
    await backendFailure(client({ retries: { statusCodes: ['503'] } }).emailAddresses.get(EMAIL_ID))
    expect(server.requests).toHaveLength(1)
    server.queue({ drop: true })
    const error = await backendFailure(
      client({ retries: { retryConnectionErrors: false } }).emailAddresses.get(EMAIL_ID),
    )
    expect(error.code).toBe('network_error')
    expect(server.requests).toHaveLength(2)
  })

  it('waits what Retry-After asks on a 429, in seconds or as an HTTP date', async () => {
    server.queue(bapiError(429, 'too_many_requests', { headers: { 'Retry-After': '3' } }))
    await client().emailAddresses.get(EMAIL_ID)
    const inFive = new Date(clock.now() + 5000).toUTCString()
    server.queue(bapiError(429, 'too_many_requests', { headers: { 'Retry-After': inFive } }))
    await client().emailAddresses.update(EMAIL_ID, { primary: true })
    expect(clock.sleeps).toEqual([3000, 5000])
    expect(server.requests).toHaveLength(4)
  })

  it('gives up at once with the 429 when Retry-After is past maxElapsedTimeMs', async () => {
    server.queue(bapiError(429, 'too_many_requests', { headers: { 'Retry-After': '3600' } }))
    const error = await backendFailure(client().emailAddresses.get(EMAIL_ID))
    expect(error).toMatchObject({ status: 429, retryAfter: 3600 })
    expect(clock.sleeps).toEqual([])
  })

  it('really sleeps with the system clock', async () => {
    server.queue(unavailable)
    const real = createBackendClient({
      secretKey: SECRET_KEY,
      apiUrl: server.url,
      clock: { random: () => 0 },
      retries: { backoff: { initialIntervalMs: 30 } },
    })
    const started = Date.now()
    await real.emailAddresses.get(EMAIL_ID)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
    expect(server.requests).toHaveLength(2)
  })
})
