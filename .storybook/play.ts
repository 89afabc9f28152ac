/**
 * Small helpers for play functions: read what the emulator "sent", as a person reads the inbox.
 */
import { expect, waitFor } from 'storybook/test'
import type { FapiEmulator } from '../src/testing/index'

/** Waits for a code sent to `to` (after `after` messages) and returns it. */
export async function waitForCode(emulator: FapiEmulator, to: string, after = 0): Promise<string> {
  let code = ''
  await waitFor(() => {
    const message = emulator.outbox.filter((m) => m.to === to)[after]
    expect(message?.code).toMatch(/^\d+$/)
    code = message?.code ?? ''
  })
  return code
}

/** A code of the same length that is surely not `code`. */
export function wrongCode(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('')
}
