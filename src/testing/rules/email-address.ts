/**
 * Address rules: what may be added (PROTOCOL §4.2, §5.6), the first-address-is-primary rule, setting
 * the primary, and deletion (never the last identification or the last verified address; the primary
 * moves to the oldest other verified address).
 */

import { ApiError, notFound, paramInvalid, paramMissing, paramNil } from '../http'
import { newId } from '../ids'
import { matchesDomain } from '../serialize'
import { isVerified, normalizeEmail, userEmails } from '../state'
import type { EmailRecord, EmulatorState, UserRecord, VerificationRecord } from '../types'

// Deliberately loose (one `@`, a dot in the domain, no spaces): Clerk accepts far more than HTML does.
const EMAIL_FORMAT = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/

/**
 * Past the limits of RFC 5321 (a path of 256 octets less its brackets, a local part of 64, domain
 * labels of 63), which mail servers enforce and Clerk with them.
 */
function tooLong(address: string): boolean {
  const at = address.lastIndexOf('@')
  const local = address.slice(0, at)
  const labels = address.slice(at + 1).split('.')
  const octets = (text: string) => new TextEncoder().encode(text).length
  return octets(address) > 254 || octets(local) > 64 || labels.some((label) => octets(label) > 63)
}

/** Where the address comes from: FAPI users meet the instance's restrictions, BAPI admins do not. */
export type AddressSource = 'fapi' | 'bapi'

/**
 * Checks a new address for `user` and returns it normalised, or throws the exact Clerk error.
 * @example validateNewAddress(state, user, 'a@b.co', 'fapi') // 'a@b.co'
 */
export function validateNewAddress(
  state: EmulatorState,
  user: UserRecord,
  raw: string | null | undefined,
  source: AddressSource,
): string {
  if (raw === undefined) {
    throw paramMissing('email_address')
  }
  if (raw === null || raw.trim() === '') {
    throw paramNil('email_address')
  }
  const address = normalizeEmail(raw)
  if (!EMAIL_FORMAT.test(address)) {
    throw new ApiError(
      422,
      'form_param_format_invalid',
      'is invalid',
      'email_address must be a valid email address.',
      { param_name: 'email_address' },
    )
  }
  if (tooLong(address)) {
    throw new ApiError(
      422,
      'form_param_max_length_exceeded',
      'is too long',
      'email_address must be at most 254 characters, with at most 64 before the @ and 63 in each part of the domain.',
      { param_name: 'email_address' },
    )
  }
  if (source === 'fapi' && matchesDomain(address, state.settings.blockedDomains)) {
    throw new ApiError(
      422,
      'form_email_address_blocked',
      'is blocked',
      'This email address cannot be used. Please try another.',
      { param_name: 'email_address' },
    )
  }
  for (const other of state.emails.values()) {
    // Verified addresses are locked to their owner; unverified ones are not (PROTOCOL §5.6).
    const sameUser = other.userId === user.id
    if (other.emailAddress === address && (sameUser || isVerified(other))) {
      throw new ApiError(
        422,
        'form_identifier_exists',
        'is taken',
        'That email address is taken. Please try another.',
        { param_name: 'email_address' },
      )
    }
  }
  if (source === 'fapi') {
    const unverified = userEmails(state, user.id).filter((e) => !isVerified(e)).length
    if (unverified >= state.settings.maxUnverified) {
      throw new ApiError(
        400,
        'too_many_unverified_identifications',
        'Too many unverified identifications',
        'There are too many unverified contacts for this user.',
      )
    }
  }
  return address
}

/** Adds an address; a user's first address (or the first after all were removed) becomes primary. */
export function addAddress(
  state: EmulatorState,
  user: UserRecord,
  address: string,
  verification: VerificationRecord | null,
  now: number,
): EmailRecord {
  const email: EmailRecord = {
    id: newId('idn'),
    userId: user.id,
    emailAddress: address,
    verification,
    linkedTo: [],
    createdAt: now,
    updatedAt: now,
  }
  state.emails.set(email.id, email)
  if (user.primaryEmailAddressId === null) {
    user.primaryEmailAddressId = email.id
  }
  user.updatedAt = now
  return email
}

/** One of `user`'s addresses; another user's or an unknown id is 404 `resource_not_found`. */
export function ownEmail(state: EmulatorState, user: UserRecord, id: string): EmailRecord {
  const email = state.emails.get(id)
  if (!email || email.userId !== user.id) {
    throw notFound()
  }
  return email
}

/**
 * Removes an address, by the rules Clerk's "Identification errors" docs name:
 * - the user's last identification stays: 400 `identification_deletion_failed`;
 * - so does the last verified address, because the instance requires an email address: 400
 *   `last_required_identification_deletion_failed`. So deleting the primary while every other
 *   address is unverified is refused, and the user never ends up without a primary that way;
 * - a removed primary passes to the oldest other verified address. Clerk documents that some other
 *   verified address becomes primary but not which (PROTOCOL §5.6 leaves it open): oldest-first is
 *   the emulator's own choice, and the hooks' prediction (`withoutEmailAddress`) makes the same one.
 *   None is left only when the removed primary was itself unverified.
 * `allowLast` (BAPI: an administrator) skips both refusals.
 */
export function removeAddress(
  state: EmulatorState,
  user: UserRecord,
  email: EmailRecord,
  now: number,
  allowLast = false,
) {
  const all = userEmails(state, user.id)
  if (!allowLast && all.length <= 1) {
    throw new ApiError(
      400,
      'identification_deletion_failed',
      'Deletion failed',
      'You cannot delete your last identification.',
    )
  }
  if (!allowLast && isVerified(email) && !all.some((e) => e.id !== email.id && isVerified(e))) {
    throw new ApiError(
      400,
      'last_required_identification_deletion_failed',
      'Deleting your last email address is prohibited',
      'You are required to maintain at least one email address in your account at all times',
    )
  }
  state.emails.delete(email.id)
  for (const [token, link] of state.linkTokens) {
    if (link.emailId === email.id) {
      state.linkTokens.delete(token)
    }
  }
  if (user.primaryEmailAddressId === email.id) {
    user.primaryEmailAddressId = all.find((e) => e.id !== email.id && isVerified(e))?.id ?? null
  }
  user.updatedAt = now
}

/** Makes `emailId` the primary address: it must be one of the user's verified addresses (422 otherwise). */
export function setPrimary(
  state: EmulatorState,
  user: UserRecord,
  emailId: string | null,
  now: number,
) {
  const param = 'primary_email_address_id'
  if (emailId === null) {
    throw paramNil(param)
  }
  const email = state.emails.get(emailId)
  if (!email || email.userId !== user.id) {
    throw paramInvalid(param, 'primary_email_address_id must be one of your email addresses.')
  }
  if (!isVerified(email)) {
    throw paramInvalid(
      param,
      'Only a verified email address can become your primary email address.',
    )
  }
  user.primaryEmailAddressId = email.id
  user.updatedAt = now
}
