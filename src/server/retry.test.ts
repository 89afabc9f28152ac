import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../test/support/fake-clock'
import {
  type AttemptFailure,
  backoffDelay,
  DEFAULT_RETRY_CONFIG,
  isRetryable,
  matchesStatus,
  resolveRetryConfig,
  withRetries,
} from './retry'
import { neverReachedServer } from './transport'

const status = (code: number): AttemptFailure => ({
  kind: 'status',
  status: code,
  retryAfterMs: null,
  error: new Error(String(code)),
})
const refused: AttemptFailure = { kind: 'connection', mayHaveReachedServer: false, error: null }
const dropped: AttemptFailure = { kind: 'connection', mayHaveReachedServer: true, error: null }

describe('resolveRetryConfig', () => {
  it('defaults to the seed SDK backoff, 5XX and 429, connection errors, and a one-minute limit', () => {
    expect(resolveRetryConfig()).toEqual({
      strategy: 'backoff',
      backoff: {
        initialIntervalMs: 500,
        maxIntervalMs: 60_000,
        exponent: 1.5,
        maxElapsedTimeMs: 60_000,
      },
      retryConnectionErrors: true,
      statusCodes: ['5XX', '429'],
      retryNonIdempotent: false,
    })
  })

  it('lets later configs win field by field, backoff included, and ignores undefined', () => {
    const resolved = resolveRetryConfig(
      { backoff: { exponent: 2 }, statusCodes: ['503'] },
      undefined,
      { backoff: { initialIntervalMs: 10, exponent: undefined }, retryConnectionErrors: false },
    )
    expect(resolved).toEqual({
      ...DEFAULT_RETRY_CONFIG,
      backoff: { ...DEFAULT_RETRY_CONFIG.backoff, exponent: 2, initialIntervalMs: 10 },
      statusCodes: ['503'],
      retryConnectionErrors: false,
    })
  })
})

describe('matchesStatus', () => {
  it('reads classes and exact codes', () => {
    expect([500, 503, 599, 600, 429, 404].map((code) => matchesStatus(code, ['5XX']))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
    expect(matchesStatus(429, ['429'])).toBe(true)
    expect(matchesStatus(404, ['4XX'])).toBe(true)
    expect(matchesStatus(503, ['500', '502'])).toBe(false)
  })
})

describe('isRetryable', () => {
  const config = resolveRetryConfig()
  it('retries 5xx, 429 and every connection error of an idempotent call', () => {
    expect(
      [status(500), status(429), status(404), refused, dropped].map((failure) =>
        isRetryable(failure, config, true),
      ),
    ).toEqual([true, true, false, true, true])
  })

  it('retries only a refused connection of a create, unless opted in', () => {
    expect(
      [status(500), status(429), refused, dropped].map((failure) =>
        isRetryable(failure, config, false),
      ),
    ).toEqual([false, false, true, false])
    const optedIn = resolveRetryConfig({ retryNonIdempotent: true })
    expect(
      [status(500), status(429), refused, dropped].map((failure) =>
        isRetryable(failure, optedIn, false),
      ),
    ).toEqual([true, true, true, true])
  })

  it('retries nothing with strategy none, and no connection error without retryConnectionErrors', () => {
    const none = resolveRetryConfig({ strategy: 'none' })
    expect([status(500), refused].map((failure) => isRetryable(failure, none, true))).toEqual([
      false,
      false,
    ])
    const noConnection = resolveRetryConfig({ retryConnectionErrors: false })
    expect(isRetryable(refused, noConnection, false)).toBe(false)
  })
})

describe('backoffDelay', () => {
  it('is initial × exponent^n plus up to a second of jitter, capped', () => {
    const backoff = {
      initialIntervalMs: 500,
      maxIntervalMs: 3000,
      exponent: 1.5,
      maxElapsedTimeMs: 1,
    }
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, backoff, 0))).toEqual([
      500, 750, 1125, 1687.5, 2531.25, 3000,
    ])
    expect(backoffDelay(0, backoff, 0.5)).toBe(1000)
    expect(backoffDelay(4, backoff, 0.9)).toBe(3000)
  })
})

describe('withRetries', () => {
  it('does not retry what the attempt throws (a permanent failure)', async () => {
    const clock = createFakeClock()
    let calls = 0
    const run = withRetries(
      () => {
        calls += 1
        return Promise.reject(new Error('permanent'))
      },
      { config: resolveRetryConfig(), idempotent: true, clock },
    )
    await expect(run).rejects.toThrow('permanent')
    expect(calls).toBe(1)
  })

  it('prefers Retry-After over the backoff, without jitter', async () => {
    const clock = createFakeClock({ jitter: 0.5 })
    let calls = 0
    const value = await withRetries(
      async () => {
        calls += 1
        return calls === 1
          ? { ok: false, failure: { ...status(429), retryAfterMs: 2000 } }
          : { ok: true, value: 'done' }
      },
      { config: resolveRetryConfig(), idempotent: true, clock },
    )
    expect(value).toBe('done')
    expect(clock.sleeps).toEqual([2000])
  })
})

describe('neverReachedServer', () => {
  const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause })
  const withCode = (code: string) => Object.assign(new Error(code), { code })

  it('is true for a refused connection or a failed DNS lookup, however deep the cause', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(neverReachedServer(fetchFailed(withCode(code)))).toBe(true)
    }
    const everyAddressRefused = new AggregateError([
      withCode('ECONNREFUSED'),
      withCode('ECONNREFUSED'),
    ])
    expect(neverReachedServer(fetchFailed(everyAddressRefused))).toBe(true)
  })

  it('is false for a reset or closed socket, a mixed failure, or an opaque error', () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_HEADERS_TIMEOUT']) {
      expect(neverReachedServer(fetchFailed(withCode(code)))).toBe(false)
    }
    const mixed = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNRESET')])
    expect(neverReachedServer(fetchFailed(mixed))).toBe(false)
    expect(neverReachedServer(new TypeError('Failed to fetch'))).toBe(false)
    expect(neverReachedServer('ECONNREFUSED')).toBe(false)
  })
})
