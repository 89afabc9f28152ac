/**
 * Shares one in-flight request among identical calls, as clerk-js does for `prepare_verification`
 * (PROTOCOL.md §1.10): a double click or a StrictMode double mount sends one email, not two.
 *
 * Each caller keeps its own `signal`: aborting one caller rejects only that caller; the shared request is
 * aborted only when every caller has gone.
 */

const COALESCE_TTL_MS = 30_000

interface Entry<T> {
  promise: Promise<T>
  startedAt: number
  waiting: number
  controller: AbortController
}

/** A coalescing map: `run(key, start, signal)` joins an identical in-flight call or starts one. */
export function createCoalescer() {
  const inFlight = new Map<string, Entry<unknown>>()

  return function run<T>(
    key: string,
    start: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted()
    let entry = inFlight.get(key) as Entry<T> | undefined
    if (!entry || Date.now() - entry.startedAt > COALESCE_TTL_MS) {
      const controller = new AbortController()
      const promise = start(controller.signal)
      const created: Entry<T> = { promise, startedAt: Date.now(), waiting: 0, controller }
      const forget = () => {
        if (inFlight.get(key) === created) {
          inFlight.delete(key)
        }
      }
      promise.then(forget, forget)
      inFlight.set(key, created)
      entry = created
    }
    return follow(entry, signal)
  }
}

function follow<T>(entry: Entry<T>, signal: AbortSignal | undefined): Promise<T> {
  entry.waiting += 1
  if (!signal) {
    return entry.promise
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      entry.waiting -= 1
      if (entry.waiting === 0) {
        entry.controller.abort(signal.reason)
      }
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    entry.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
