/**
 * `attempt_verification` (PROTOCOL §5.2, §7.12): only a correct, fresh code answers 200, because
 * clerk-js and its UI treat any 2xx as verified; every other case has its exact status and code.
 */
import { ApiError, clerkError, type Ctx, paramMissing, paramNil } from '../http'
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
  if (v.status === 'failed') {
    throw clerkError(400, 'verification_failed', FAILED)
  }
  if (v.status === 'expired' || (v.expireAt !== null && now > v.expireAt)) {
    v.status = 'expired'
    throw clerkError(
      400,
      'verification_expired',
      'This verification has expired. You must create a new one.',
    )
  }
  v.attempts = (v.attempts ?? 0) + 1
  email.updatedAt = now
  if (code.trim() !== v.code) {
    if (v.attempts >= ctx.state.settings.maxAttempts) {
      v.status = 'failed'
      throw clerkError(400, 'verification_failed', FAILED)
    }
    throw new ApiError(422, 'form_code_incorrect', 'is incorrect', 'Incorrect code', {
      param_name: 'code',
    })
  }
  markVerified(user, email, v, now)
}
