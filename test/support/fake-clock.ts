/**
 * A fake clock for retry tests: `sleep` records the wait, moves time forward and resolves at once, so a
 * test checks how many waits there were and how long each was, without waiting. `onSleep` runs inside
 * each wait (to abort a signal or start a server in the middle of a retry loop). Request timeouts
 * never fire by themselves: a test fires them (`fireTimers`) once it has seen the request arrive.
 */
export interface FakeClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  random(): number
  startTimer(ms: number, fire: () => void): () => void
  /** Every wait asked for, in order. */
  sleeps: number[]
  /** Runs during each wait, with the wait's index. */
  onSleep: ((index: number) => void | Promise<void>) | null
  /** The duration of every timer started (one per attempt with a timeout), in order. */
  timers: number[]
  /** Fires the timers still pending, moving time to the latest one's end; returns how many fired. */
  fireTimers(): number
}

/** A clock starting at `start` whose jitter is always `jitter` (a number in [0, 1)). */
export function createFakeClock(options: { start?: number; jitter?: number } = {}): FakeClock {
  let now = options.start ?? Date.UTC(2026, 10, 23, 12)
  const pending = new Map<() => void, number>()
  const clock: FakeClock = {
    sleeps: [],
    onSleep: null,
    timers: [],
    now: () => now,
    random: () => options.jitter ?? 0,
    async sleep(ms, signal) {
      signal?.throwIfAborted()
      clock.sleeps.push(ms)
      now += ms
      await clock.onSleep?.(clock.sleeps.length - 1)
      signal?.throwIfAborted()
    },
    startTimer(ms, fire) {
      clock.timers.push(ms)
      pending.set(fire, ms)
      return () => {
        pending.delete(fire)
      }
    },
    fireTimers() {
      const due = [...pending]
      pending.clear()
      now += Math.max(0, ...due.map(([, ms]) => ms))
      for (const [fire] of due) {
        fire()
      }
      return due.length
    },
  }
  return clock
}
