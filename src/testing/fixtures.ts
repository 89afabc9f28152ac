/**
 * Ready-made seeds and wire-JSON builders for tests and stories that do not need a running emulator.
 */
import type { EmailAddressJSON, UserJSON } from '../api/wire-types'
import { newId } from './ids'
import { USER_FIELDS_NOT_EMULATED } from './serialize'
import type { EmulatorSeed } from './types'

const EPOCH = 1_755_199_800_000

/** Seeds for common scenarios; pass one to `createFapiEmulator` or `reset`. */
export const seeds = {
  /** Jane with one verified, primary address (the default). */
  default: {
    users: [{ first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@example.com'] }],
  },
  /** Jane with a verified primary, a verified secondary and an unverified test address. */
  threeAddresses: {
    users: [
      {
        first_name: 'Jane',
        last_name: 'Doe',
        email_addresses: [
          'jane@example.com',
          'jane@work.example',
          { email_address: 'jane+clerk_test@example.com', verified: false },
        ],
      },
    ],
  },
  /** Jane plus Bob, who owns `bob@example.com` (for "taken" and "not yours" cases). */
  twoUsers: {
    users: [
      { first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@example.com'] },
      { first_name: 'Bob', last_name: 'Roe', email_addresses: ['bob@example.com'] },
    ],
  },
  /** An instance with an enterprise connection on `sso.example`. */
  enterpriseSso: {
    users: [{ first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@example.com'] }],
    settings: { ssoDomains: ['sso.example'] },
  },
} satisfies Record<string, EmulatorSeed>

/**
 * A wire `EmailAddress`, verified by default.
 * @example makeEmailAddressJSON({ email_address: 'a@example.com', verification: null })
 */
export function makeEmailAddressJSON(overrides: Partial<EmailAddressJSON> = {}): EmailAddressJSON {
  return {
    id: newId('idn'),
    object: 'email_address',
    email_address: 'jane@example.com',
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
    created_at: EPOCH,
    updated_at: EPOCH,
    ...overrides,
  }
}

/** A wire `User` with every field Clerk's spec requires; its primary is its first address. */
export function makeUserJSON(overrides: Partial<UserJSON> = {}): UserJSON {
  const emails = overrides.email_addresses ?? [makeEmailAddressJSON()]
  return {
    id: newId('user'),
    object: 'user',
    username: null,
    first_name: 'Jane',
    last_name: 'Doe',
    image_url: '',
    has_image: false,
    primary_email_address_id: emails[0]?.id ?? null,
    ...USER_FIELDS_NOT_EMULATED,
    email_addresses: emails,
    last_sign_in_at: EPOCH,
    last_active_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
    ...overrides,
  }
}
