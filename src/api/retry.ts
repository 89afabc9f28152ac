/**
 * Network retries as clerk-js does them (PROTOCOL.md §1.8): GET only, only when no answer arrived,
 * about 100-200 ms before the first retry, then 700 ms × 2^k × jitter in [1, 2), capped at 5 s.
 */

/** Attempts in all, first included: 4 when the browser says it is online, 11 when it says offline. */
export function maxAttempts(): number {
  const online = typeof navigator === 'undefined' || navigator.onLine !== false
  return online ? 4 : 11
}

/** The wait before retry number `retry` (1-based), with `random` in [0, 1) as jitter. */
export function retryDelay(retry: number, random: number = Math.random()): number {
  const jitter = 1 + random
  if (retry <= 1) {
    return 100 * jitter
  }
  return Math.min(700 * 2 ** (retry - 2) * jitter, 5000)
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
