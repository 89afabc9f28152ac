/**
 * BAPI `/v1/email_addresses*` (PROTOCOL §6): JSON bodies, `Authorization: Bearer <secret key>`,
 * bare resources, and the same `ClerkErrors` shape. Admin calls skip the instance's restrictions.
 * The emulator checks the key (`authorizeBapi`) before it routes, so a wrong key is 401 everywhere.
 */
import { ApiError, type Ctx, notFound, paramInvalid, paramMissing, parseJsonObject } from '../http'
import type { Route } from '../router'
import { route } from '../router'
import { addAddress, removeAddress, setPrimary, validateNewAddress } from '../rules/email-address'
import { deletedJSON, emailJSON } from '../serialize'
import { adminVerification, isVerified } from '../state'
import { bare } from './respond'

const CREATE_KEYS = [
  'user_id',
  'email_address',
  'verified',
  'primary',
  'notify_primary_email_address_changed',
]
const UPDATE_KEYS = ['verified', 'primary', 'notify_primary_email_address_changed']
const ONLY_VERIFIED_PRIMARY = 'Only a verified email address can be primary.'

/**
 * Checks `Authorization: Bearer <secret key>`: 401 `authorization_header_format_invalid` without a
 * bearer token, 401 `authentication_invalid` for another key (Clerk BAPI's codes, PROTOCOL §6.2).
 * @example authorizeBapi(ctx) // throws ApiError(401, …) unless the key matches
 */
export function authorizeBapi(ctx: Ctx): void {
  const header = ctx.request.headers.get('authorization') ?? ''
  const found = /^Bearer (\S+)$/.exec(header)
  if (!found) {
    throw new ApiError(
      401,
      'authorization_header_format_invalid',
      'Invalid Authorization header format',
      "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    )
  }
  if (found[1] !== ctx.state.secretKey) {
    throw new ApiError(
      401,
      'authentication_invalid',
      'Invalid authentication',
      'The provided secret key is invalid.',
    )
  }
}

function body(ctx: Ctx, allowed: string[]): Record<string, unknown> {
  const json = parseJsonObject(ctx.body)
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) {
      throw new ApiError(
        422,
        'form_param_unknown',
        'is unknown',
        `${key} is not a valid parameter for this request.`,
        {
          param_name: key,
        },
      )
    }
  }
  for (const key of ['verified', 'primary', 'notify_primary_email_address_changed']) {
    const value = json[key]
    if (value !== undefined && value !== null && typeof value !== 'boolean') {
      throw paramInvalid(key, `${key} must be a boolean.`)
    }
  }
  return json
}

function findEmail(ctx: Ctx, id: string) {
  const email = ctx.state.emails.get(id)
  const user = email ? ctx.state.users.get(email.userId) : undefined
  if (!email || !user) {
    throw notFound()
  }
  return { email, user }
}

/** The BAPI email-address routes. */
export const bapiRoutes: Route[] = [
  route('POST', '/v1/email_addresses', (ctx) => {
    const json = body(ctx, CREATE_KEYS)
    if (json.user_id === undefined) {
      throw paramMissing('user_id')
    }
    const user = typeof json.user_id === 'string' ? ctx.state.users.get(json.user_id) : undefined
    if (!user) {
      throw notFound()
    }
    const raw = json.email_address
    // A non-string value is stringified so it fails the format check instead of crashing.
    const value = raw === undefined || raw === null || typeof raw === 'string' ? raw : String(raw)
    const address = validateNewAddress(ctx.state, user, value, 'bapi')
    const verified = json.verified === true
    if (json.primary === true && !verified) {
      throw paramInvalid('primary', ONLY_VERIFIED_PRIMARY)
    }
    const email = addAddress(
      ctx.state,
      user,
      address,
      verified ? adminVerification('verified') : null,
      ctx.view.now,
    )
    if (json.primary === true) {
      setPrimary(ctx.state, user, email.id, ctx.view.now)
    }
    return bare(emailJSON(ctx.view, email))
  }),

  route('GET', '/v1/email_addresses/:id', (ctx, [id = '']) => {
    return bare(emailJSON(ctx.view, findEmail(ctx, id).email))
  }),

  route('PATCH', '/v1/email_addresses/:id', (ctx, [id = '']) => {
    const { email, user } = findEmail(ctx, id)
    const json = body(ctx, UPDATE_KEYS)
    const verified = json.verified === true || (json.verified !== false && isVerified(email))
    // The Backend API names its own field (`primary`), as create does, not FAPI's
    // `primary_email_address_id`; checked before anything changes, so a refused update changes nothing.
    if (json.primary === true && !verified) {
      throw paramInvalid('primary', ONLY_VERIFIED_PRIMARY)
    }
    if (json.verified === true && !isVerified(email)) {
      email.verification = adminVerification('verified')
    } else if (json.verified === false) {
      email.verification = adminVerification('unverified')
    }
    if (json.primary === true) {
      setPrimary(ctx.state, user, email.id, ctx.view.now)
    }
    email.updatedAt = ctx.view.now
    return bare(emailJSON(ctx.view, email))
  }),

  route('DELETE', '/v1/email_addresses/:id', (ctx, [id = '']) => {
    const { email, user } = findEmail(ctx, id)
    removeAddress(ctx.state, user, email, ctx.view.now, true)
    return bare(deletedJSON(email.id))
  }),
]
