/**
 * A fake clock for retry tests: `sleep` records the wait, moves time forward and resolves at once, so a
 * test checks how many waits there were and how long each was, without waiting. `onSleep` runs inside
 * each wait (to abort a signal or start a server in the middle of a retry loop).
 */
export interface FakeClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  random(): number
  /** Every wait asked for, in order. */
  sleeps: number[]
  /** Runs during each wait, with the wait's index. */
  onSleep: ((index: number) => void | Promise<void>) | null
}

/** A clock starting at `start` whose jitter is always `jitter` (a number in [0, 1)). */
export function createFakeClock(options: { start?: number; jitter?: number } = {}): FakeClock {
  let now = options.start ?? Date.UTC(2026, 10, 23, 12)
  const clock: FakeClock = {
    sleeps: [],
    onSleep: null,
    now: () => now,
    random: () => options.jitter ?? 0,
    async sleep(ms, signal) {
      signal?.throwIfAborted()
      clock.sleeps.push(ms)
      now += ms
      await clock.onSleep?.(clock.sleeps.length - 1)
      signal?.throwIfAborted()
    },
  }
  return clock
}
