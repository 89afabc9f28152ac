/**
 * `attempt_verification` (PROTOCOL §5.2, §7.12): only a correct, fresh code answers 200, because
 * clerk-js and its UI treat any 2xx as verified; every other case has its exact status and code.
 */
import { ApiError, clerkError, type Ctx, paramMissing, paramNil } from '../http'
import type { VerificationStatusJSON } from '../../api/wire-types'
import type { EmailRecord, UserRecord, VerificationRecord } from '../types'

const FAILED = 'Too many failed attempts. You have to try again with the same or another method.'

/** Marks a verification verified, and makes the address primary if the user has none. */
export function markVerified(
  user: UserRecord,
  email: EmailRecord,
  v: VerificationRecord,
  now: number,
) {
  v.status = 'verified'
  email.updatedAt = now
  user.updatedAt = now
  if (user.primaryEmailAddressId === null) {
    user.primaryEmailAddressId = email.id
  }
}

/** A prepared one-time code: a verification's, or a session reverification's first factor. */
export interface OneTimeCode {
  status: VerificationStatusJSON
  attempts: number | null
  expireAt: number | null
  code: string | null
}

/**
 * Checks `given` against a prepared code, counting the attempt: 400 `verification_failed` once the
 * code has failed, 400 `verification_expired` past its `expireAt`, 422 `form_code_incorrect` for a
 * wrong code (the attempt that reaches the instance's maximum fails the code instead). Returns when
 * the code is right; marking the owner verified is the caller's. `counted` runs once the attempt counts.
 * @example checkCode(ctx, email.verification, '424242', () => void (email.updatedAt = ctx.view.now))
 */
export function checkCode(ctx: Ctx, v: OneTimeCode, given: string, counted?: () => void) {
  if (v.status === 'failed') {
    throw clerkError(400, 'verification_failed', FAILED)
  }
  if (v.status === 'expired' || (v.expireAt !== null && ctx.view.now > v.expireAt)) {
    v.status = 'expired'
    throw clerkError(
      400,
      'verification_expired',
      'This verification has expired. You must create a new one.',
    )
  }
  v.attempts = (v.attempts ?? 0) + 1
  counted?.()
  if (given.trim() !== v.code) {
    if (v.attempts >= ctx.state.settings.maxAttempts) {
      v.status = 'failed'
      throw clerkError(400, 'verification_failed', FAILED)
    }
    throw new ApiError(422, 'form_code_incorrect', 'is incorrect', 'Incorrect code', {
      param_name: 'code',
    })
  }
}

/**
 * Attempts the form's `code`. Each wrong code counts; the one that reaches the maximum fails the
 * verification (400 `verification_failed`), so the UI can offer a resend at once.
 * @example attempt(ctx, user, email, new Map([['code', '424242']]))
 */
export function attempt(
  ctx: Ctx,
  user: UserRecord,
  email: EmailRecord,
  form: Map<string, string | null>,
) {
  const now = ctx.view.now
  const code = form.get('code')
  if (code === undefined) {
    throw paramMissing('code')
  }
  if (code === null) {
    throw paramNil('code')
  }
  const v = email.verification
  // An admin "unverified" mark (BAPI) was never sent either.
  if (!v || (v.strategy === 'admin' && v.status !== 'verified')) {
    throw clerkError(
      400,
      'verification_not_sent',
      'You need to send a verification code before attempting to verify.',
    )
  }
  if (v.status === 'verified') {
    throw clerkError(
      400,
      'verification_already_verified',
      'This verification has already been verified.',
    )
  }
  if (v.strategy !== 'email_code') {
    throw clerkError(
      400,
      'verification_strategy_invalid',
      'The strategy is not valid for the current verification.',
    )
  }
  checkCode(ctx, v, code, () => {
    email.updatedAt = now
  })
  markVerified(user, email, v, now)
}
