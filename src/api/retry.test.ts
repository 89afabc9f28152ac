import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './http-answer'
import { retryDelay, sleep } from './retry'

describe('retryDelay (clerk-js backoff, PROTOCOL.md §1.8)', () => {
  it('waits 100-200 ms before the first retry', () => {
    expect(retryDelay(1, 0)).toBe(100)
    expect(retryDelay(1, 0.999)).toBeCloseTo(199.9)
  })

  it('then 700 ms × 2^k × jitter, capped at 5 s', () => {
    expect([2, 3, 4, 5, 6].map((retry) => retryDelay(retry, 0))).toEqual([
      700, 1400, 2800, 5000, 5000,
    ])
    expect(retryDelay(2, 0.5)).toBe(1050)
    expect(retryDelay(4, 0.999)).toBe(5000)
  })
})

describe('sleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const waiting = sleep(60_000, controller.signal)
    controller.abort(new DOMException('stop', 'AbortError'))
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', message: 'stop' })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30)
    expect(parseRetryAfter(new Date(1_000_000 + 12_500).toUTCString(), 1_000_000)).toBe(12)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
  })
})
