/**
 * `POST /__emulator/sessions`: signs a user in on the default client as one more active session, the
 * way a multi-session app's second sign-in does, so a test can switch sessions with clerk-js's own
 * `setActive`. Real FAPI gets there through sign-in flows the emulator does not implement.
 */
import { ApiError, type Ctx, parseJsonObject } from '../http'
import { newId } from '../ids'
import type { Route } from '../router'
import { route } from '../router'
import { bare } from './respond'

function signInOnDefaultClient(ctx: Ctx, userId: string): string {
  const { state } = ctx
  const client = state.clients.get(state.defaultClientId)
  if (!client || !state.users.has(userId)) {
    throw new ApiError(404, 'resource_not_found', 'not found', `No user ${userId}.`)
  }
  const now = ctx.view.now
  const sessionId = newId('sess')
  state.sessions.set(sessionId, {
    id: sessionId,
    userId,
    clientId: client.id,
    status: 'active',
    lastActiveAt: now,
    // Just signed in: a fresh first factor counts as a reverification.
    reverifiedAt: now,
    reverification: null,
    userAgent: null,
    createdAt: now,
    updatedAt: now,
  })
  // The new session joins the client; the active one stays active until the app switches.
  client.sessionIds.push(sessionId)
  client.updatedAt = now
  return sessionId
}

/** The session control route. */
export const controlSessionRoutes: Route[] = [
  route('POST', '/__emulator/sessions', (ctx) => {
    const userId = parseJsonObject(ctx.body).user_id
    if (typeof userId !== 'string') {
      throw new ApiError(400, 'request_body_invalid', 'Request body invalid', 'user_id is required')
    }
    const sessionId = signInOnDefaultClient(ctx, userId)
    return bare({ session_id: sessionId, user_id: userId, client_id: ctx.state.defaultClientId })
  }),
]
