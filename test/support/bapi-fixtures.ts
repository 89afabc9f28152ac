/**
 * Spec-shaped BAPI bodies for the server client's wire tests (Clerk BAPI OpenAPI 2026-05-12: `EmailAddress`,
 * `DeletedObject`, `ClerkErrors`). Written by hand so the tests do not depend on the emulator.
 */
import { expect } from 'vitest'
import { BackendApiError } from '../../src/server/errors'
import type { Reply } from './wire-server'

export const SECRET_KEY = 'sk_test_0123456789abcdefghijklmnopqrstuvwxyzABCD'
export const USER_ID = 'user_2hQ5aP0cXb8NnP4rT1sUvW9zKmL'
export const EMAIL_ID = 'idn_2hQ9kZ2aVbX9yTq3LcN8rWp4sJe'

/** A BAPI `EmailAddress`: verified by an admin, as a seeded address is. */
export function bapiEmailJSON(overrides: Record<string, unknown> = {}) {
  return {
    id: EMAIL_ID,
    object: 'email_address',
    email_address: 'ops@example.com',
    reserved: false,
    verification: {
      object: 'verification_admin',
      status: 'verified',
      strategy: 'admin',
      attempts: null,
      expire_at: null,
    },
    linked_to: [],
    matches_sso_connection: false,
    created_at: 1755200000000,
    updated_at: 1755200000000,
    ...overrides,
  }
}

/** A `ClerkErrors` reply with one error. */
export function bapiError(
  status: number,
  code: string,
  options: { paramName?: string; headers?: Record<string, string> } = {},
): Reply {
  return {
    status,
    headers: options.headers,
    json: {
      errors: [
        {
          code,
          message: 'failed',
          long_message: `${code} happened`,
          meta: options.paramName ? { param_name: options.paramName } : {},
        },
      ],
      clerk_trace_id: 'b7a1c0ffee',
    },
  }
}

/** Awaits `promise`, expects it to reject with a `BackendApiError`, and returns that error. */
export async function backendFailure(promise: Promise<unknown>): Promise<BackendApiError> {
  const reason = await promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  )
  expect(reason).toBeInstanceOf(BackendApiError)
  return reason as BackendApiError
}
