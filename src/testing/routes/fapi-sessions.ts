/**
 * Session routes besides upkeep. Signing out, as clerk-js 6 does it (PROTOCOL §1.12; SPEC-F `removeClientSessionsAndRetainCookie` and
 * `endSession`): `clerk.signOut()` sends `DELETE /v1/client/sessions` and keeps the client (the dev
 * browser stays valid); `session.end()` sends `POST /v1/client/sessions/{id}/end`. Ended sessions
 * leave the client, so the next `/v1/me` call with their id answers 401. Reverification
 * (`/v1/client/sessions/{id}/verify…`, rules in `rules/reverification.ts`): what Clerk's modal sends
 * after a 403 `session_reverification_required`; each answers `{ response: SessionReverification, client }`.
 */
import { clerkError, type Ctx, parseForm, unauthenticated } from '../http'
import type { Route } from '../router'
import { route } from '../router'
import { resolveClient, resolveClientSession } from '../rules/identity'
import {
  attemptReverification,
  prepareReverification,
  startReverification,
} from '../rules/reverification'
import { clientJSON, reverificationJSON, sessionJSON } from '../serialize'
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
    const { client, session } = resolveClientSession(ctx, id)
    end(ctx, client, session)
    return wrapped(ctx.view, client, sessionJSON(ctx.view, session))
  }),
  route('POST', '/v1/client/sessions/:id/verify', (ctx, [id = '']) => {
    const { client, session } = resolveClientSession(ctx, id)
    startReverification(ctx, session, parseForm(ctx))
    return wrapped(ctx.view, client, reverificationJSON(ctx.view, session))
  }),
  route('POST', '/v1/client/sessions/:id/verify/prepare_first_factor', (ctx, [id = '']) => {
    const { client, session } = resolveClientSession(ctx, id)
    const user = ctx.state.users.get(session.userId)
    if (!user) {
      throw unauthenticated()
    }
    prepareReverification(ctx, session, user, parseForm(ctx))
    return wrapped(ctx.view, client, reverificationJSON(ctx.view, session))
  }),
  route('POST', '/v1/client/sessions/:id/verify/attempt_first_factor', (ctx, [id = '']) => {
    const { client, session } = resolveClientSession(ctx, id)
    attemptReverification(ctx, session, parseForm(ctx))
    return wrapped(ctx.view, client, reverificationJSON(ctx.view, session))
  }),
  ...['prepare_second_factor', 'attempt_second_factor'].map((step) =>
    route('POST', `/v1/client/sessions/:id/verify/${step}`, (ctx, [id = '']) => {
      resolveClientSession(ctx, id)
      throw clerkError(400, 'no_second_factors', 'The user has no second factors to verify with.')
    }),
  ),
]
