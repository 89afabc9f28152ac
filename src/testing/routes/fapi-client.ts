/**
 * The FAPI routes clerk-js needs around the email endpoints (PROTOCOL §1.12, §2.4): dev browser,
 * environment, client, session upkeep, and the email-link landing `GET /v1/verify`.
 */
import { environmentJSON } from '../environment'
import type { Ctx } from '../http'
import { newToken } from '../ids'
import type { Route } from '../router'
import { route } from '../router'
import { followLink } from '../rules/email-link'
import { resolveClient, resolveClientSession } from '../rules/identity'
import { clientJSON, sessionJSON, tokenJSON } from '../serialize'
import { bare, wrapped } from './respond'

function environment(ctx: Ctx) {
  return bare(environmentJSON(ctx.view))
}

/** Dev browser, environment, client, sessions and `/v1/verify`. */
export const fapiClientRoutes: Route[] = [
  route('POST', '/v1/dev_browser', (ctx) => {
    // A fresh dev browser joins the seeded, signed-in client, or clerk-js would load signed out.
    const token = newToken()
    ctx.state.devBrowsers.set(token, ctx.state.defaultClientId)
    return { status: 200, body: { id: token, token }, headers: { 'Clerk-Db-Jwt': token } }
  }),

  route('GET', '/v1/environment', environment),
  route('PATCH', '/v1/environment', environment),

  route('GET', '/v1/client', (ctx) => {
    const client = resolveClient(ctx)
    return wrapped(ctx.view, client, clientJSON(ctx.view, client))
  }),

  route('POST', '/v1/client/sessions/:id/touch', (ctx, [id = '']) => {
    const { client, session } = resolveClientSession(ctx, id)
    session.lastActiveAt = ctx.view.now
    session.updatedAt = ctx.view.now
    client.lastActiveSessionId = session.id
    client.updatedAt = ctx.view.now
    return wrapped(ctx.view, client, sessionJSON(ctx.view, session))
  }),

  route('POST', '/v1/client/sessions/:id/tokens', (ctx, [id = '']) => {
    const { session } = resolveClientSession(ctx, id)
    return bare(tokenJSON(ctx.view, session))
  }),

  route('GET', '/v1/verify', (ctx) => {
    const location = followLink(ctx, ctx.url.searchParams.get('token'), 'email_link')
    return { status: 303, body: { redirect_url: location }, headers: { Location: location } }
  }),
]
