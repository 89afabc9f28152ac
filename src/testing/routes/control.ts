/**
 * `/__emulator/*`: outbox and inbox, state ids, reset, settings, faults (and releasing held requests),
 * the request log, clock, reverification, and the emulated enterprise IdP. Unauthenticated by design:
 * the server binds 127.0.0.1.
 */
import { parseFault } from '../faults'
import { ApiError, type Ctx, parseJsonObject } from '../http'
import { renderInbox } from '../inbox-html'
import type { Route } from '../router'
import { route } from '../router'
import { followLink } from '../rules/email-link'
import { resolveCaller } from '../rules/identity'
import { parseSeed, parseSettings } from '../seed'
import { bare } from './respond'

function invalid(error: unknown): ApiError {
  const long = error instanceof Error ? error.message : String(error)
  return new ApiError(400, 'request_body_invalid', 'Request body invalid', long)
}

function stateIds(ctx: Ctx) {
  const client = ctx.state.clients.get(ctx.state.defaultClientId)
  const sessionId = client?.lastActiveSessionId ?? null
  return {
    client_id: client?.id ?? null,
    session_id: sessionId,
    user_id: sessionId ? (ctx.state.sessions.get(sessionId)?.userId ?? null) : null,
    user_ids: [...ctx.state.users.keys()],
    sessions: [...ctx.state.sessions.values()].map((s) => ({
      session_id: s.id,
      client_id: s.clientId,
      user_id: s.userId,
      status: s.status,
    })),
    strict: ctx.state.strict,
  }
}

function initials(ctx: Ctx, id: string): string {
  const user = ctx.state.users.get(id)
  const text = `${user?.firstName?.[0] ?? ''}${user?.lastName?.[0] ?? ''}`.toUpperCase()
  return text.replace(/[^A-Z]/g, '') || '?'
}

/** The control routes. */
export const controlRoutes: Route[] = [
  route('GET', '/__emulator/outbox', (ctx) => bare(ctx.state.outbox)),
  route('DELETE', '/__emulator/outbox', (ctx) => {
    ctx.state.outbox.length = 0
    return bare({ deleted: true })
  }),
  route('GET', '/__emulator/inbox', (ctx) => ({
    status: 200,
    text: { type: 'text/html; charset=utf-8', content: renderInbox(ctx.state.outbox) },
  })),
  route('GET', '/__emulator/state', (ctx) => bare(stateIds(ctx))),
  route('POST', '/__emulator/reset', (ctx) => {
    // No body: back to the seed the emulator started with (the CLI's `--seed`, its fixed ids).
    let seed: ReturnType<typeof parseSeed> | undefined
    try {
      seed = ctx.body.trim() === '' ? undefined : parseSeed(JSON.parse(ctx.body))
    } catch (error) {
      throw invalid(error)
    }
    ctx.controls.reset(seed)
    return bare({ reset: true })
  }),
  route('GET', '/__emulator/settings', (ctx) => bare(ctx.state.settings)),
  route('POST', '/__emulator/settings', (ctx) => {
    // Changes some instance settings and keeps every user, session and message (a reset would not):
    // a demo's "ask to confirm it's you" switch, a test that turns links on halfway.
    let patch: ReturnType<typeof parseSettings>
    try {
      patch = parseSettings(JSON.parse(ctx.body))
    } catch (error) {
      throw invalid(error)
    }
    Object.assign(ctx.state.settings, patch)
    return bare(ctx.state.settings)
  }),
  route('POST', '/__emulator/faults', (ctx) => {
    try {
      ctx.controls.injectFault(parseFault(JSON.parse(ctx.body)))
    } catch (error) {
      throw invalid(error)
    }
    return bare({ queued: true })
  }),
  route('DELETE', '/__emulator/faults', (ctx) => {
    ctx.controls.clearFaults()
    return bare({ deleted: true })
  }),
  route('POST', '/__emulator/faults/release', (ctx) =>
    bare({ released: ctx.controls.releaseHeld() }),
  ),
  // What clients sent (method, path, time, status), to count a change that must go out once.
  route('GET', '/__emulator/requests', (ctx) => bare(ctx.state.requests)),
  route('DELETE', '/__emulator/requests', (ctx) => {
    ctx.state.requests.length = 0
    return bare({ deleted: true })
  }),
  route('POST', '/__emulator/clock', (ctx) => {
    const json = parseJsonObject(ctx.body)
    const ms = json.advance_ms
    if (typeof ms !== 'number' || ms < 0) {
      throw invalid(new Error('advance_ms must be a non-negative number'))
    }
    ctx.controls.clock.advance(ms)
    return bare({ now: ctx.controls.clock.now() })
  }),
  route('POST', '/__emulator/reverify', (ctx) => {
    // For tests: the caller's session counts as freshly reverified without the step-up itself
    // (`POST /v1/client/sessions/{id}/verify…`, what Clerk's modal and Storybook's dialog drive).
    const { session } = resolveCaller(ctx)
    session.reverifiedAt = ctx.view.now
    return bare({ session_id: session.id, reverified_at: ctx.view.now })
  }),
  route('GET', '/__emulator/sso', (ctx) => {
    const location = followLink(ctx, ctx.url.searchParams.get('token'), 'enterprise_sso')
    return { status: 303, body: { redirect_url: location }, headers: { Location: location } }
  }),
  route('GET', '/__emulator/avatar/:id', (ctx, [id = '']) => ({
    status: 200,
    text: {
      type: 'image/svg+xml',
      content: `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#6c47ff"/><text x="32" y="40" font-size="24" text-anchor="middle" fill="#fff" font-family="sans-serif">${initials(ctx, id)}</text></svg>`,
    },
  })),
]
