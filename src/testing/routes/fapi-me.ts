/**
 * FAPI `/v1/me` and `/v1/me/email_addresses*` (PROTOCOL §2.1): each resolves the caller, applies
 * the rules, and answers `{ response, client }` (the list alone answers a bare array). Also what
 * Clerk's `<UserProfile/>` asks for around them: the user's active sessions (a bare array, as the
 * spec says and clerk-js expects), signing one of them out, and the enterprise connections.
 */
import { METADATA_ENDPOINTS_SINCE, versionAtLeast } from '../api-version'
import { ApiError, notFound, parseForm } from '../http'
import type { Route } from '../router'
import { route } from '../router'
import {
  addAddress,
  ownEmail,
  removeAddress,
  setPrimary,
  validateNewAddress,
} from '../rules/email-address'
import { requireReverification, resolveCaller } from '../rules/identity'
import { attempt } from '../rules/attempt'
import { prepare } from '../rules/verification'
import {
  activeSessionJSON,
  deletedJSON,
  emailJSON,
  enterpriseConnectionsJSON,
  sessionJSON,
  userJSON,
} from '../serialize'
import { userEmails } from '../state'
import { bare, wrapped } from './respond'

const EDITABLE_NAMES = {
  first_name: 'firstName',
  last_name: 'lastName',
  username: 'username',
} as const

/** `unsafe_metadata` as older API versions take it: a JSON object (empty means `{}`). */
function parseMetadata(raw: string | null): Record<string, unknown> {
  let value: unknown
  try {
    value = raw === null ? {} : JSON.parse(raw)
  } catch {
    value = null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(
      422,
      'form_param_format_invalid',
      'is invalid',
      'unsafe_metadata must be a JSON object.',
      { param_name: 'unsafe_metadata' },
    )
  }
  return value as Record<string, unknown>
}

/** The `/v1/me…` routes. */
export const fapiMeRoutes: Route[] = [
  route('GET', '/v1/me', (ctx) => {
    const { client, user } = resolveCaller(ctx)
    return wrapped(ctx.view, client, userJSON(ctx.view, user))
  }),

  route('PATCH', '/v1/me', (ctx) => {
    const { client, session, user } = resolveCaller(ctx)
    const form = parseForm(ctx)
    if (form.has('unsafe_metadata') && !versionAtLeast(ctx.apiVersion, METADATA_ENDPOINTS_SINCE)) {
      // Older API versions still set the metadata here (api-version.ts).
      user.unsafeMetadata = parseMetadata(form.get('unsafe_metadata') ?? null)
      user.updatedAt = ctx.view.now
    } else if (form.has('unsafe_metadata')) {
      // Rejected since 2026-05-12: metadata has its own endpoint (PROTOCOL §2.2, set primary).
      throw new ApiError(
        422,
        'form_param_unknown',
        'is unknown',
        'unsafe_metadata is not a valid parameter for this request.',
        {
          param_name: 'unsafe_metadata',
        },
      )
    }
    if (form.has('primary_email_address_id')) {
      const wanted = form.get('primary_email_address_id') ?? null
      if (wanted !== user.primaryEmailAddressId) {
        requireReverification(ctx, session, 'set_primary_email_address')
      }
      setPrimary(ctx.state, user, wanted, ctx.view.now)
    }
    for (const [param, field] of Object.entries(EDITABLE_NAMES)) {
      if (form.has(param)) {
        user[field] = form.get(param) ?? null
        user.updatedAt = ctx.view.now
      }
    }
    return wrapped(ctx.view, client, userJSON(ctx.view, user))
  }),

  route('GET', '/v1/me/email_addresses', (ctx) => {
    const { user } = resolveCaller(ctx)
    return bare(userEmails(ctx.state, user.id).map((e) => emailJSON(ctx.view, e)))
  }),

  route('POST', '/v1/me/email_addresses', (ctx) => {
    const { client, session, user } = resolveCaller(ctx)
    requireReverification(ctx, session, 'create_email_address')
    const form = parseForm(ctx)
    const address = validateNewAddress(ctx.state, user, form.get('email_address'), 'fapi')
    // A new address is unverified with no verification until prepare_verification (PROTOCOL §5.1).
    const email = addAddress(ctx.state, user, address, null, ctx.view.now)
    return wrapped(ctx.view, client, emailJSON(ctx.view, email))
  }),

  route('GET', '/v1/me/email_addresses/:id', (ctx, [id = '']) => {
    const { client, user } = resolveCaller(ctx)
    return wrapped(ctx.view, client, emailJSON(ctx.view, ownEmail(ctx.state, user, id)))
  }),

  route('DELETE', '/v1/me/email_addresses/:id', (ctx, [id = '']) => {
    const { client, session, user } = resolveCaller(ctx)
    const email = ownEmail(ctx.state, user, id)
    requireReverification(ctx, session, 'delete_email_address')
    removeAddress(ctx.state, user, email, ctx.view.now)
    return wrapped(ctx.view, client, deletedJSON(email.id))
  }),

  route('POST', '/v1/me/email_addresses/:id/prepare_verification', (ctx, [id = '']) => {
    const { client, user } = resolveCaller(ctx)
    const email = ownEmail(ctx.state, user, id)
    prepare(ctx, user, email, parseForm(ctx))
    return wrapped(ctx.view, client, emailJSON(ctx.view, email))
  }),

  route('POST', '/v1/me/email_addresses/:id/attempt_verification', (ctx, [id = '']) => {
    const { client, user } = resolveCaller(ctx)
    const email = ownEmail(ctx.state, user, id)
    attempt(ctx, user, email, parseForm(ctx))
    return wrapped(ctx.view, client, emailJSON(ctx.view, email))
  }),
  route('GET', '/v1/me/sessions/active', (ctx) => {
    const { user } = resolveCaller(ctx)
    const sessions = [...ctx.state.sessions.values()].filter(
      (s) => s.userId === user.id && s.status === 'active',
    )
    return bare(sessions.map((s) => activeSessionJSON(ctx.view, s)))
  }),
  route('POST', '/v1/me/sessions/:id/revoke', (ctx, [id = '']) => {
    const { client, user } = resolveCaller(ctx)
    const target = ctx.state.sessions.get(id)
    if (!target || target.userId !== user.id || target.status !== 'active') {
      throw notFound()
    }
    // "Sign out of this device": the session ends wherever it is; its client forgets it.
    target.status = 'revoked'
    target.updatedAt = ctx.view.now
    const owner = ctx.state.clients.get(target.clientId)
    if (owner?.lastActiveSessionId === target.id) {
      owner.lastActiveSessionId = null
      owner.updatedAt = ctx.view.now
    }
    return wrapped(ctx.view, client, sessionJSON(ctx.view, target))
  }),
  route('GET', '/v1/me/enterprise_connections', (ctx) => {
    const { client, user } = resolveCaller(ctx)
    const linkableOnly = ctx.url.searchParams.get('with_organization_account_linking') === 'true'
    return wrapped(ctx.view, client, enterpriseConnectionsJSON(ctx.view, user, linkableOnly))
  }),
]
