/**
 * Session reverification (step-up), the flow Clerk's reverification modal drives after a 403
 * `session_reverification_required`: `POST /v1/client/sessions/{id}/verify` (`level`), then
 * `…/verify/prepare_first_factor` and `…/verify/attempt_first_factor` (SPEC-F
 * `Client.SessionReverification`).
 *
 * The emulator has no passwords and no second factors, so every level falls back to `first_factor`
 * (as the spec says FAPI does for a user without second factors) and the only first factor is an
 * `email_code` sent to one of the user's verified addresses. A correct code refreshes the session's
 * reverification time, so the call that asked for it goes through when retried.
 */
import { clerkError, type Ctx, paramInvalid, paramMissing, paramNil } from '../http'
import { newCode } from '../ids'
import { isVerified, userEmails } from '../state'
import type { ReverificationRecord, SessionRecord, UserRecord } from '../types'
import { checkCode } from './attempt'
import { isTestAddress, sendEmail, TEST_CODE } from './verification'

const LEVELS = ['first_factor', 'second_factor', 'multi_factor']

function required(form: Map<string, string | null>, param: string): string {
  const value = form.get(param)
  if (value === undefined) {
    throw paramMissing(param)
  }
  if (value === null) {
    throw paramNil(param)
  }
  return value
}

function inProgress(session: SessionRecord): ReverificationRecord {
  const record = session.reverification
  if (!record) {
    throw clerkError(
      400,
      'verification_missing',
      'There is no reverification in progress for this session. Start one first.',
    )
  }
  if (record.status === 'complete') {
    throw clerkError(
      400,
      'verification_already_verified',
      'This reverification has already been completed.',
    )
  }
  return record
}

function emailCodeOnly(strategy: string) {
  if (strategy !== 'email_code') {
    // Passwords, phone codes, passkeys and SSO do not exist in the emulator.
    throw paramInvalid('strategy', `${strategy} is not a valid strategy for this reverification.`)
  }
}

/**
 * Starts a reverification of `session` at the form's `level`, replacing any earlier one.
 * @example startReverification(ctx, session, new Map([['level', 'first_factor']]))
 */
export function startReverification(
  ctx: Ctx,
  session: SessionRecord,
  form: Map<string, string | null>,
): ReverificationRecord {
  const level = required(form, 'level')
  if (!LEVELS.includes(level)) {
    throw paramInvalid('level', `level must be one of ${LEVELS.join(', ')}.`)
  }
  const record: ReverificationRecord = {
    level: 'first_factor',
    status: 'needs_first_factor',
    firstFactor: null,
  }
  session.reverification = record
  session.updatedAt = ctx.view.now
  return record
}

/**
 * Sends a reverification code to one of the user's verified addresses (`email_address_id`). A new
 * prepare replaces the previous code. `+clerk_test` addresses get `424242` and no email, as in test mode.
 * @example prepareReverification(ctx, session, user, new Map([['strategy', 'email_code'], ['email_address_id', id]]))
 */
export function prepareReverification(
  ctx: Ctx,
  session: SessionRecord,
  user: UserRecord,
  form: Map<string, string | null>,
) {
  const record = inProgress(session)
  emailCodeOnly(required(form, 'strategy'))
  const id = required(form, 'email_address_id')
  const email = userEmails(ctx.state, user.id).find((e) => e.id === id && isVerified(e))
  if (!email) {
    throw paramInvalid(
      'email_address_id',
      'email_address_id must be one of your verified email addresses.',
    )
  }
  const { settings } = ctx.state
  const test = settings.testMode && isTestAddress(email.emailAddress)
  const code = test ? TEST_CODE : newCode(settings.codeLength)
  record.firstFactor = {
    emailAddressId: email.id,
    status: 'unverified',
    attempts: 0,
    expireAt: ctx.view.now + settings.codeLifetimeMs,
    code,
  }
  if (!test) {
    sendEmail(ctx, user, email, { code, link: null, purpose: 'reverification' })
  }
  session.updatedAt = ctx.view.now
}

/**
 * Checks the form's `code`. Wrong: 422 `form_code_incorrect` (the last allowed attempt fails the
 * code: 400 `verification_failed`); late: 400 `verification_expired`; right: the reverification is
 * complete and the session counts as freshly reverified.
 * @example attemptReverification(ctx, session, new Map([['strategy', 'email_code'], ['code', '424242']]))
 */
export function attemptReverification(
  ctx: Ctx,
  session: SessionRecord,
  form: Map<string, string | null>,
) {
  const record = inProgress(session)
  emailCodeOnly(required(form, 'strategy'))
  const code = required(form, 'code')
  const factor = record.firstFactor
  if (!factor) {
    throw clerkError(
      400,
      'verification_not_sent',
      'You need to send a verification code before attempting to verify.',
    )
  }
  checkCode(ctx, factor, code)
  const now = ctx.view.now
  factor.status = 'verified'
  record.status = 'complete'
  session.reverifiedAt = now
  session.updatedAt = now
}
