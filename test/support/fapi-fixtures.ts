/**
 * Spec-shaped FAPI bodies for the client's wire tests (Clerk FAPI OpenAPI 2026-05-12: `Client.EmailAddress`,
 * `Client.User`, `Client.Client-2`, `ClerkErrors`). Written by hand so the tests do not depend on the emulator.
 */
import type {
  ClerkErrorsJSON,
  ClientJSON,
  EmailAddressJSON,
  UserJSON,
  VerificationJSON,
} from '../../src/api/wire-types'

export const SESSION_ID = 'sess_2hQ6z1dYc9OoQ5sU2tVwX0aLnMb'
export const PRIMARY_ID = 'idn_2hQ5aQ1dYc9OoQ5sU2tVwX0aLnM'
export const NEW_ID = 'idn_2hQ7mZk1VbX9yTq3LcN8rWp4sJd'

export function emailAddressJSON(overrides: Partial<EmailAddressJSON> = {}): EmailAddressJSON {
  return {
    id: NEW_ID,
    object: 'email_address',
    email_address: 'jane+clerk_test@example.com',
    reserved: false,
    verification: null,
    linked_to: [],
    matches_sso_connection: false,
    created_at: 1755199800000,
    updated_at: 1755199800000,
    ...overrides,
  }
}

export function verificationJSON(overrides: Partial<VerificationJSON> = {}): VerificationJSON {
  return {
    object: 'verification_otp',
    status: 'unverified',
    strategy: 'email_code',
    attempts: 0,
    expire_at: 1755200400000,
    ...overrides,
  }
}

export const primaryJSON = emailAddressJSON({
  id: PRIMARY_ID,
  email_address: 'jane@example.com',
  verification: verificationJSON({ status: 'verified', attempts: 1 }),
})

export function userJSON(
  emailAddresses: EmailAddressJSON[] = [primaryJSON],
  primaryId = PRIMARY_ID,
): UserJSON {
  return {
    id: 'user_2hQ5aP0cXb8NnP4rT1sUvW9zKmL',
    object: 'user',
    username: null,
    first_name: 'Jane',
    last_name: 'Doe',
    image_url: 'https://img.clerk.com/x',
    has_image: false,
    primary_email_address_id: primaryId,
    email_addresses: emailAddresses,
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    public_metadata: {},
    created_at: 1755099800000,
    updated_at: 1755199800000,
  }
}

export function clientJSON(user: UserJSON = userJSON(), sessionId = SESSION_ID): ClientJSON {
  return {
    id: 'client_2hQ6y0cXb8NnP4rT1sUvW9zKmLa',
    object: 'client',
    sessions: [
      { id: sessionId, object: 'session', status: 'active', user, last_active_token: null },
    ],
    sign_in: null,
    sign_up: null,
    last_active_session_id: sessionId,
    created_at: 1755099700000,
    updated_at: 1755199800000,
  }
}

/** `{ response, client }` with the user carrying `emailAddresses`. */
export function wrapped(response: unknown, user: UserJSON = userJSON()) {
  return { response, client: clientJSON(user) }
}

export function errorsJSON(
  code: string,
  options: { paramName?: string; longMessage?: string; client?: ClientJSON } = {},
): ClerkErrorsJSON {
  return {
    errors: [
      {
        code,
        message: 'is invalid',
        long_message: options.longMessage ?? `${code} happened`,
        meta: options.paramName ? { param_name: options.paramName } : {},
      },
    ],
    ...(options.client ? { meta: { client: options.client } } : {}),
    clerk_trace_id: 'ff1048d1cb5a74da3ebd660877680ba3',
  }
}
