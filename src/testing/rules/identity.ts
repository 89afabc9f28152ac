/**
 * Who is calling: the client from `__clerk_db_jwt` (development) or the `__client` cookie
 * (production), then the session named by `_clerk_session_id` (PROTOCOL §1.6, §1.7, §7.6).
 */
import { ApiError, type Ctx, notFound, readCookie, unauthenticated } from '../http'
import type { ClientRecord, ReverificationAction, SessionRecord, UserRecord } from '../types'

/** The `__client` cookie: HttpOnly and SameSite=Lax like Clerk's, on the emulator's own host. */
export function clientCookie(clientId: string): string {
  return `__client=${encodeURIComponent(clientId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`
}

function devBrowserUnauthenticated(): ApiError {
  return new ApiError(
    401,
    'dev_browser_unauthenticated',
    'Dev browser unauthenticated',
    'Unable to authenticate this browser for your development instance. Create a new dev browser.',
  )
}

/**
 * Resolves the calling client and records it on `ctx` (so errors carry it in `meta.client`).
 * Without `strict`, a request with no identity is served as the default client and gets a cookie.
 */
export function resolveClient(ctx: Ctx): ClientRecord {
  const { state } = ctx
  const token = ctx.url.searchParams.get('__clerk_db_jwt')
  let client: ClientRecord | undefined
  if (token !== null) {
    // An unknown token makes clerk-js create a new dev browser (PROTOCOL §1.7), so never fall back.
    const clientId = state.devBrowsers.get(token)
    client = clientId === undefined ? undefined : state.clients.get(clientId)
    if (!client) {
      throw devBrowserUnauthenticated()
    }
  } else {
    const cookie = readCookie(ctx.request, '__client')
    client = cookie === null ? undefined : state.clients.get(cookie)
    if (!client) {
      if (state.strict) {
        throw cookie === null ? devBrowserUnauthenticated() : unauthenticated()
      }
      client = state.clients.get(state.defaultClientId)
      if (!client) {
        throw unauthenticated()
      }
      ctx.setCookies.push(clientCookie(client.id))
    }
  }
  ctx.client = client
  return client
}

/** The caller's client, active session and user. */
export interface Caller {
  client: ClientRecord
  session: SessionRecord
  user: UserRecord
}

/**
 * Resolves the session: `_clerk_session_id` when sent, else the client's last active session.
 * It must be an active session of this client, else 401 `authentication_invalid`.
 */
export function resolveCaller(ctx: Ctx): Caller {
  const client = resolveClient(ctx)
  const sessionId = ctx.url.searchParams.get('_clerk_session_id') ?? client.lastActiveSessionId
  const session = sessionId ? ctx.state.sessions.get(sessionId) : undefined
  if (!session || session.clientId !== client.id || session.status !== 'active') {
    throw unauthenticated()
  }
  const user = ctx.state.users.get(session.userId)
  if (!user) {
    throw unauthenticated()
  }
  noteUserAgent(ctx, session)
  return { client, session, user }
}

// The device list (`GET /v1/me/sessions/active`) shows the browser each session was last used from.
function noteUserAgent(ctx: Ctx, session: SessionRecord) {
  session.userAgent = ctx.request.headers.get('user-agent') ?? session.userAgent ?? null
}

/**
 * The calling client and one of its active sessions, named in the path (`/v1/client/sessions/{id}/…`):
 * 404 `resource_not_found` for any other session.
 * @example const { client, session } = resolveClientSession(ctx, 'sess_…')
 */
export function resolveClientSession(
  ctx: Ctx,
  id: string,
): { client: ClientRecord; session: SessionRecord } {
  const client = resolveClient(ctx)
  const session = ctx.state.sessions.get(id)
  if (!session || session.clientId !== client.id || session.status !== 'active') {
    throw notFound()
  }
  noteUserAgent(ctx, session)
  return { client, session }
}

/** 403 `session_reverification_required` when the instance demands it for `action` and it is stale. */
export function requireReverification(
  ctx: Ctx,
  session: SessionRecord,
  action: ReverificationAction,
) {
  const { settings } = ctx.state
  if (!settings.reverificationRequired.includes(action)) {
    return
  }
  if (ctx.view.now - session.reverifiedAt <= settings.reverificationMaxAgeMs) {
    return
  }
  throw new ApiError(
    403,
    'session_reverification_required',
    'Reverification required',
    'You need to provide additional verification to perform this operation',
    {
      reverification: {
        level: 'first_factor',
        after_minutes: Math.round(settings.reverificationMaxAgeMs / 60_000),
      },
    },
  )
}
