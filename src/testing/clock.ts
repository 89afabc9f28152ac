/**
 * The emulator's clock. By default it follows real time (a CLI server must let throttles and codes
 * expire on their own); `advance` shifts it so tests reach expiry without waiting.
 */

/** The controllable clock exposed as `emulator.clock`. */
export interface EmulatorClock {
  /** Current emulated time, epoch ms. */
  now(): number
  /**
   * Moves time forward by `ms`.
   * @example emulator.clock.advance(31_000) // past the resend throttle
   */
  advance(ms: number): void
  /** Sets the emulated time to `epochMs`. */
  set(epochMs: number): void
}

/**
 * Creates a clock; with `start` it is frozen at that time until moved, otherwise it runs in real time.
 * `onMove` is told after every `advance` and `set` (the emulator releases held requests that are due).
 */
export function createClock(start?: number, onMove: () => void = () => undefined): EmulatorClock {
  let offset = 0
  const frozen = start !== undefined
  let fixed = start ?? 0
  return {
    now: () => (frozen ? fixed : Date.now() + offset),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance expects a non-negative number of ms, got ${ms}`)
      }
      if (frozen) {
        fixed += ms
      } else {
        offset += ms
      }
      onMove()
    },
    set(epochMs) {
      if (frozen) {
        fixed = epochMs
      } else {
        offset = epochMs - Date.now()
      }
      onMove()
    },
  }
}
