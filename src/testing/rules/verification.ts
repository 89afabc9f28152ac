/**
 * `prepare_verification` (PROTOCOL §5.2–§5.5): codes and links go to the outbox, a new prepare
 * replaces the old verification (and its code or link), and resends inside the throttle get 429.
 */
import { ApiError, clerkError, type Ctx, paramInvalid, paramMissing, paramNil } from '../http'
import { newCode, newId, newToken } from '../ids'
import { matchesDomain } from '../serialize'
import type { EmailRecord, OutboxMessage, UserRecord, VerificationRecord } from '../types'

/** The code every `+clerk_test` address accepts in test mode (PROTOCOL §5.3). */
export const TEST_CODE = '424242'

const STRATEGIES = ['email_code', 'email_link', 'enterprise_sso']

/** Whether an address is a test address (`+clerk_test` subaddress). */
export function isTestAddress(address: string): boolean {
  return (address.split('@')[0] ?? '').includes('+clerk_test')
}

function requireRedirectUrl(value: string | null | undefined): string {
  if (value === undefined) {
    throw paramMissing('redirect_url')
  }
  if (value === null) {
    throw paramNil('redirect_url')
  }
  let url: URL | null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  // Relative URLs would break the 303 from /v1/verify and clerk-js's `new URL(...)` (§3.2).
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ApiError(
      422,
      'invalid_redirect_url',
      'is invalid',
      'redirect_url must be an absolute URL.',
      {
        param_name: 'redirect_url',
      },
    )
  }
  return url.href
}

function throttle(ctx: Ctx, email: EmailRecord) {
  // Only a previous email counts: starting SSO sent nothing, so it does not hold back a code.
  const sent = email.verification?.strategy !== 'enterprise_sso'
  const last = sent ? (email.verification?.preparedAt ?? null) : null
  const wait = ctx.state.settings.resendThrottleMs
  if (last === null || ctx.view.now - last >= wait) {
    return
  }
  const seconds = Math.max(1, Math.ceil((last + wait - ctx.view.now) / 1000))
  throw new ApiError(
    429,
    'verification_code_too_many_requests',
    'Too many requests',
    `Please wait at least ${Math.round(wait / 1000)} seconds to receive your code before trying again.`,
    {},
    { 'Retry-After': String(seconds) },
  )
}

function blank(strategy: string, now: number, lifetime: number): VerificationRecord {
  return {
    strategy,
    status: 'unverified',
    attempts: strategy === 'email_code' ? 0 : null,
    expireAt: now + lifetime,
    preparedAt: now,
    code: null,
    linkToken: null,
    redirectUrl: null,
    externalUrl: null,
    verifiedAtClient: null,
  }
}

/**
 * Prepares a verification of `email` with the form's `strategy`, replacing any previous one.
 * @example prepare(ctx, user, email, new Map([['strategy', 'email_code']]))
 */
export function prepare(
  ctx: Ctx,
  user: UserRecord,
  email: EmailRecord,
  form: Map<string, string | null>,
) {
  const { settings } = ctx.state
  const now = ctx.view.now
  const strategy = form.get('strategy')
  if (strategy === undefined) {
    throw paramMissing('strategy')
  }
  if (strategy === null) {
    throw paramNil('strategy')
  }
  if (!STRATEGIES.includes(strategy) || !settings.strategies.some((s) => s === strategy)) {
    throw paramInvalid('strategy', `${strategy} is not a valid strategy for this email address.`)
  }
  if (email.verification?.status === 'verified') {
    throw clerkError(
      400,
      'verification_already_verified',
      'This email address has already been verified.',
    )
  }
  const sso = strategy === 'enterprise_sso'
  if (sso && !matchesDomain(email.emailAddress, settings.ssoDomains)) {
    throw clerkError(
      400,
      'verification_strategy_invalid',
      'The strategy is not valid for the current verification.',
    )
  }
  const redirectUrl =
    strategy === 'email_code' ? null : requireRedirectUrl(form.get('redirect_url'))
  if (!sso) {
    throttle(ctx, email)
  }
  const lifetime = strategy === 'email_code' ? settings.codeLifetimeMs : settings.linkLifetimeMs
  const next = blank(strategy, now, lifetime)
  next.redirectUrl = redirectUrl
  if (strategy === 'email_code') {
    const test = settings.testMode && isTestAddress(email.emailAddress)
    next.code = test ? TEST_CODE : newCode(settings.codeLength)
    if (!test) {
      sendEmail(ctx, user, email, { code: next.code, link: null, purpose: 'verification' })
    }
  } else {
    const token = newToken()
    next.linkToken = token
    ctx.state.linkTokens.set(token, {
      emailId: email.id,
      kind: sso ? 'enterprise_sso' : 'email_link',
    })
    if (sso) {
      next.externalUrl = `${ctx.view.base}/__emulator/sso?token=${token}`
    } else {
      sendEmail(ctx, user, email, {
        code: null,
        link: `${ctx.view.base}/v1/verify?token=${token}`,
        purpose: 'verification',
      })
    }
  }
  // The new verification replaces the old one: its code or link stops working (PROTOCOL §5.2).
  const old = email.verification?.linkToken
  if (old) {
    ctx.state.linkTokens.delete(old)
  }
  email.verification = next
  email.updatedAt = now
  user.updatedAt = now
}

/**
 * Puts an email in the outbox (never on the console): a code or a link to `email`, for verifying the
 * address or for a reverification of the session.
 * @example sendEmail(ctx, user, email, { code: '123456', link: null, purpose: 'reverification' })
 */
export function sendEmail(
  ctx: Ctx,
  user: UserRecord,
  email: EmailRecord,
  message: Pick<OutboxMessage, 'code' | 'link' | 'purpose'>,
) {
  const { code, link, purpose } = message
  ctx.state.outbox.push({
    id: newId('msg'),
    to: email.emailAddress,
    subject: code
      ? `${code} is your ${purpose === 'reverification' ? 'reverification' : 'verification'} code`
      : 'Verify your email address',
    strategy: code ? 'email_code' : 'email_link',
    purpose,
    code,
    link,
    email_address_id: email.id,
    user_id: user.id,
    created_at: ctx.view.now,
  })
}
