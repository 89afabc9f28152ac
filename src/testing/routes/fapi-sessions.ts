/**
 * Signing out, as clerk-js 6 does it (PROTOCOL §1.12; SPEC-F `removeClientSessionsAndRetainCookie` and
 * `endSession`): `clerk.signOut()` sends `DELETE /v1/client/sessions` and keeps the client (the dev
 * browser stays valid); `session.end()` sends `POST /v1/client/sessions/{id}/end`. Ended sessions
 * leave the client, so the next `/v1/me` call with their id answers 401.
 */
import type { Ctx } from '../http'
import { notFound } from '../http'
import type { Route } from '../router'
import { route } from '../router'
import { resolveClient } from '../rules/identity'
import { clientJSON, sessionJSON } from '../serialize'
import type { ClientRecord, SessionRecord } from '../types'
import { wrapped } from './respond'

function end(ctx: Ctx, client: ClientRecord, session: SessionRecord) {
  session.status = 'ended'
  session.updatedAt = ctx.view.now
  if (client.lastActiveSessionId === session.id) {
    client.lastActiveSessionId = null
  }
  client.updatedAt = ctx.view.now
}

/** `DELETE /v1/client/sessions` and `POST /v1/client/sessions/{id}/end`. */
export const fapiSessionRoutes: Route[] = [
  route('DELETE', '/v1/client/sessions', (ctx) => {
    const client = resolveClient(ctx)
    for (const id of client.sessionIds) {
      const session = ctx.state.sessions.get(id)
      if (session?.status === 'active') {
        end(ctx, client, session)
      }
    }
    // `Client.DeleteSession`: the client without its sessions, as `response` and as `client`.
    return wrapped(ctx.view, client, clientJSON(ctx.view, client))
  }),

  route('POST', '/v1/client/sessions/:id/end', (ctx, [id = '']) => {
    const client = resolveClient(ctx)
    const session = ctx.state.sessions.get(id)
    if (!session || session.clientId !== client.id || session.status !== 'active') {
      throw notFound()
    }
    end(ctx, client, session)
    return wrapped(ctx.view, client, sessionJSON(ctx.view, session))
  }),
]
