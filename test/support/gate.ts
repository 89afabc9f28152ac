/**
 * Deferred promises and gates: a test decides when something happens instead of guessing how long it
 * takes. A gate holds requests in flight until the test opens it, so "the answer comes after the
 * click" is certain on any machine, where a `delayMs` only hoped so.
 */

/** A promise that the test settles from outside. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(reason?: unknown): void
}

/** A new deferred promise. @example const dropped = deferred(); …; await dropped.promise */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (reason?: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Where held requests wait until the test opens it. */
export interface Gate {
  /** For the held side: counts one arrival and resolves once the gate is open. */
  pass(): Promise<void>
  /** Resolves once `count` (default 1) arrivals have reached the gate. */
  reached(count?: number): Promise<void>
  /** Lets every waiting arrival through, and every later one at once. */
  open(): void
  /** How many arrived so far. */
  readonly arrivals: number
}

/**
 * A closed gate.
 * @example
 * const held = gate()
 * server.respond(() => ({ until: held.pass(), json: [primaryJSON] }))
 * const pending = client.emailAddresses.list({ signal })
 * await held.reached() // the request is at the server; its answer waits
 * held.open()
 */
export function gate(): Gate {
  const opened = deferred()
  let watchers: { count: number; resolve: () => void }[] = []
  let arrivals = 0
  return {
    get arrivals() {
      return arrivals
    },
    pass() {
      arrivals += 1
      const due = watchers.filter((watcher) => watcher.count <= arrivals)
      watchers = watchers.filter((watcher) => watcher.count > arrivals)
      for (const watcher of due) {
        watcher.resolve()
      }
      return opened.promise
    },
    reached(count = 1) {
      if (arrivals >= count) {
        return Promise.resolve()
      }
      return new Promise((resolve) => watchers.push({ count, resolve }))
    },
    open: () => opened.resolve(),
  }
}
