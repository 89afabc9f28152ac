/**
 * A frozen wall clock for jsdom tests of countdowns and polling: only `Date` and
 * `setInterval`/`clearInterval` are faked, so the time the app reads and its repeating timers (the
 * cooldown's once-a-second tick, TanStack Query's `refetchInterval`) move only when the test calls
 * `advance`. Everything else keeps running for real: promises, msw, TanStack's `setTimeout(0)`
 * batching, user-event, and the timeouts of waits. The emulator's clock reads `Date.now()`, so it
 * moves with the app's: a code expires on both sides at once.
 *
 * Testing Library's `waitFor` polls with `setInterval`, so while the clock is frozen it only checks
 * again when the DOM changes (enough for `findBy…` on rendered components). Hook results change no
 * DOM: wait for them with `eventually`.
 */
import { act } from '@testing-library/react'
import { onTestFinished, vi } from 'vitest'

/** The test's clock, from `freezeWallClock`. */
export interface WallClock {
  /** Moves time forward by `ms`, firing every interval due on the way, inside `act`. */
  advance(ms: number): Promise<void>
}

/** Freezes `Date` and the intervals for the rest of the current test. Call it inside a test. */
export function freezeWallClock(): WallClock {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
  onTestFinished(() => {
    vi.useRealTimers()
  })
  return {
    advance: (ms) =>
      act(async () => {
        vi.advanceTimersByTime(ms)
      }),
  }
}

/**
 * Checks `assertion` until it passes (or throws its last error after `timeoutMs`), polling on real
 * timers, so it works while `freezeWallClock` has faked `setInterval`. It waits for something to be
 * true; it never stands in for time passing.
 */
export async function eventually(assertion: () => void, timeoutMs = 4_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      assertion()
      return
    } catch (error) {
      if (performance.now() >= deadline) {
        throw error
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
