/**
 * The landing side of email links (`GET /v1/verify?token=`, PROTOCOL §5.4) and of the emulated
 * enterprise IdP (`GET /__emulator/sso?token=`, §5.5): mark the address verified, then 303 back.
 */
import { ApiError, type Ctx, isAllowedOrigin, readCookie } from '../http'
import type { LinkTokenRecord } from '../types'
import { markVerified } from './attempt'

function tokenError(code: string, long: string): ApiError {
  return new ApiError(400, code, long, long)
}

/**
 * Verifies the address behind `token` and returns where to redirect, with `__clerk_status=verified`.
 * Works from any device (the original tab learns by polling); an already used link redirects again.
 */
export function followLink(ctx: Ctx, token: string | null, kind: LinkTokenRecord['kind']): string {
  const { state } = ctx
  const link = token ? state.linkTokens.get(token) : undefined
  const email = link && link.kind === kind ? state.emails.get(link.emailId) : undefined
  const v = email?.verification
  const user = email ? state.users.get(email.userId) : undefined
  if (!email || !v || !user || v.linkToken !== token) {
    throw tokenError('verification_link_token_invalid', 'This verification link is invalid.')
  }
  const target = new URL(v.redirectUrl ?? `${ctx.view.base}/__emulator/inbox`)
  // Like Clerk's allowed origins: a redirect elsewhere is refused before anything changes, so an
  // app's wrong redirect URL shows up here, with the link still usable once it is fixed.
  if (!isAllowedOrigin(state, target.origin, ctx.url.origin)) {
    throw new ApiError(
      400,
      'form_param_value_invalid',
      'is invalid',
      `This link redirects to ${target.origin}, which is not an allowed origin of this instance. ` +
        'Pass a redirect URL on an allowed origin when preparing the verification, or allow this ' +
        'one with --allow-origin or settings.allowedOrigins.',
      { param_name: 'redirect_url' },
    )
  }
  if (v.status !== 'verified') {
    if (v.status === 'expired' || (v.expireAt !== null && ctx.view.now > v.expireAt)) {
      v.status = 'expired'
      throw tokenError('verification_link_token_expired', 'This verification link has expired.')
    }
    const clientId = readCookie(ctx.request, '__client')
    v.verifiedAtClient = clientId && state.clients.has(clientId) ? clientId : null
    markVerified(user, email, v, ctx.view.now)
  }
  target.searchParams.set('__clerk_status', 'verified')
  return target.href
}
