/**
 * BAPI `GET /v1/users/{id}`, `GET /v1/users` and `GET /v1/users/count` (SPEC-B `GetUser`,
 * `GetUserList`, `GetUsersCount`): enough for a test to check through the Backend API that an email
 * change reached the user, and to find a user by address the way apps do
 * (`clerkClient.users.getUserList({ emailAddress: [...] })`). The secret key is checked before routing.
 */
import { ApiError, type Ctx, notFound } from '../http'
import type { Route } from '../router'
import { route } from '../router'
import { bapiUserJSON, totalCountJSON } from '../serialize'
import { normalizeEmail, userEmails } from '../state'
import type { UserRecord } from '../types'
import { bare } from './respond'

/** The orders `order_by` may name (a subset of SPEC-B's), each with a `+` (default) or `-` prefix. */
const ORDER_FIELDS = {
  created_at: (user: UserRecord) => user.createdAt,
  updated_at: (user: UserRecord) => user.updatedAt,
} as const

function queryInvalid(param: string, long: string): ApiError {
  return new ApiError(400, 'invalid_query_parameter_value', 'is invalid', long, {
    param_name: param,
  })
}

function integerParam(ctx: Ctx, name: string, fallback: number, min: number, max: number) {
  const raw = ctx.url.searchParams.get(name)
  if (raw === null || raw === '') {
    return fallback
  }
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw queryInvalid(name, `${name} must be an integer from ${min} to ${max}.`)
  }
  return value
}

/** The users matching the list filters (`email_address`, `user_id`, several of each allowed). */
function filtered(ctx: Ctx): UserRecord[] {
  const params = ctx.url.searchParams
  const addresses = params.getAll('email_address').map(normalizeEmail)
  const ids = params.getAll('user_id')
  return [...ctx.state.users.values()].filter((user) => {
    if (ids.length > 0 && !ids.includes(user.id)) {
      return false
    }
    if (addresses.length > 0) {
      const own = userEmails(ctx.state, user.id).map((email) => email.emailAddress)
      return own.some((address) => addresses.includes(address))
    }
    return true
  })
}

function ordered(ctx: Ctx, users: UserRecord[]): UserRecord[] {
  const raw = ctx.url.searchParams.get('order_by') ?? '-created_at'
  const descending = raw.startsWith('-')
  const field = raw.replace(/^[+-]/, '')
  const key = ORDER_FIELDS[field as keyof typeof ORDER_FIELDS]
  if (!key) {
    throw queryInvalid(
      'order_by',
      `${raw.slice(0, 40)} is not an order the emulator supports (created_at, updated_at, with + or -).`,
    )
  }
  // Seeded users share a timestamp, so ties keep the seed's order (reversed when descending).
  const indexed = users.map((user, index) => ({ user, index }))
  indexed.sort((a, b) => key(a.user) - key(b.user) || a.index - b.index)
  const sorted = indexed.map((entry) => entry.user)
  return descending ? sorted.reverse() : sorted
}

/** The BAPI user routes. */
export const bapiUserRoutes: Route[] = [
  route('GET', '/v1/users/count', (ctx) => bare(totalCountJSON(filtered(ctx).length))),

  route('GET', '/v1/users/:id', (ctx, [id = '']) => {
    const user = ctx.state.users.get(id)
    if (!user) {
      throw notFound()
    }
    return bare(bapiUserJSON(ctx.view, user))
  }),

  route('GET', '/v1/users', (ctx) => {
    const limit = integerParam(ctx, 'limit', 10, 1, 500)
    const offset = integerParam(ctx, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
    const page = ordered(ctx, filtered(ctx)).slice(offset, offset + limit)
    return bare(page.map((user) => bapiUserJSON(ctx.view, user)))
  }),
]
