/**
 * The emulator core: in-memory state plus a framework-agnostic `fetch(Request): Promise<Response>`
 * that serves FAPI, BAPI and the control routes. The HTTP server and the msw handlers both wrap it.
 */
import { DEFAULT_API_VERSION, readApiVersion } from './api-version'
import { createClock, type EmulatorClock } from './clock'
import {
  createHeldRequests,
  DroppedConnectionError,
  faultError,
  type HeldRequests,
  type PendingFault,
  takeFault,
} from './faults'
import {
  ApiError,
  type Ctx,
  corsHeaders,
  type EmulatorControls,
  isAllowedOrigin,
  originRefused,
  preflightHeaders,
  type Reply,
} from './http'
import { newTraceId } from './ids'
import { match, type Route } from './router'
import { authorizeBapi, bapiRoutes } from './routes/bapi'
import { bapiUserRoutes } from './routes/bapi-users'
import { controlRoutes } from './routes/control'
import { controlSessionRoutes } from './routes/control-sessions'
import { fapiClientRoutes } from './routes/fapi-client'
import { fapiMeRoutes } from './routes/fapi-me'
import { fapiSessionRoutes } from './routes/fapi-sessions'
import { clientJSON, type View } from './serialize'
import { buildState } from './state'
import type {
  EmulatorSeed,
  EmulatorState,
  FaultSpec,
  OutboxMessage,
  RequestLogEntry,
} from './types'

/** The largest request body the emulator reads, in bytes, unless told otherwise: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576

/** Options of `createFapiEmulator`: a seed, plus `now` to start a frozen clock at a fixed time. */
export interface EmulatorOptions extends EmulatorSeed {
  /** Freeze the clock at this epoch-ms time (moved only by `clock.advance`). Default: real time. */
  now?: number
  /**
   * Bodies larger than this answer 413 with a `ClerkErrors` envelope, unread (the HTTP server stops
   * reading them too). @defaultValue 1 MiB (`DEFAULT_MAX_BODY_BYTES`)
   */
  maxBodyBytes?: number
}

/** The ids of the default client's signed-in session. */
export interface SignedInIds {
  clientId: string
  sessionId: string
  userId: string
}

/** The emulator returned by `createFapiEmulator`. */
export interface FapiEmulator {
  /** Serves one request, like `fetch`; rejects with `DroppedConnectionError` for a drop fault. */
  fetch(request: Request): Promise<Response>
  /** Every message sent so far, oldest first (a copy). */
  readonly outbox: readonly OutboxMessage[]
  /** The newest message, optionally to one address. */
  latestMessage(to?: string): OutboxMessage | undefined
  /**
   * Every Frontend API request since the last reset (or `DELETE /__emulator/requests`), oldest
   * first (a copy): count what a client sent, e.g. that a change went out once.
   */
  readonly requests: readonly RequestLogEntry[]
  readonly clock: EmulatorClock
  /** The default client's session and user. */
  readonly signedIn: SignedInIds
  /**
   * Replaces all state with `seed` (default: the options the emulator was created with), and puts
   * the clock back where it started: real time, or the `now` the emulator was created with.
   */
  reset(seed?: EmulatorSeed): void
  /** Queues a fault for the next `times` (default 1) matching requests. */
  injectFault(fault: FaultSpec): void
  /** Lets every request held by a `holdMs` fault go on now; returns how many there were. */
  releaseHeld(): number
  /** Marks the signed-in session as freshly reverified. */
  reverify(): void
  /** The body limit in bytes (`EmulatorOptions.maxBodyBytes`); the HTTP server applies it too. */
  readonly maxBodyBytes: number
}

const ROUTES: Route[] = [
  ...fapiMeRoutes,
  ...fapiClientRoutes,
  ...fapiSessionRoutes,
  ...bapiRoutes,
  ...bapiUserRoutes,
  ...controlRoutes,
  ...controlSessionRoutes,
]

/** Splits a proxy prefix (`/__clerk/v1/me` → `/__clerk`, `/v1/me`) and drops a trailing slash. */
function splitPath(pathname: string): { prefix: string; path: string } {
  const at = pathname.search(/\/(?:v1|__emulator)(?:\/|$)/)
  const prefix = at > 0 ? pathname.slice(0, at) : ''
  const rest = at > 0 ? pathname.slice(at) : pathname
  return { prefix, path: rest.length > 1 ? rest.replace(/\/+$/, '') : rest }
}

/** The Frontend API's route families; every other `/v1/*` path belongs to the Backend API. */
const FAPI_PATH = /^\/v1\/(?:me|client|environment|dev_browser|verify)(?:\/|$)/

/** Whether `path` is a Backend API path: its key is checked before routing, its errors carry no client. */
function isBapiPath(path: string): boolean {
  return (path === '/v1' || path.startsWith('/v1/')) && !FAPI_PATH.test(path)
}

function errorReply(error: unknown, ctx: Ctx, bapi: boolean): Reply {
  const api =
    error instanceof ApiError
      ? error
      : new ApiError(
          500,
          'internal_clerk_error',
          'Oops, an unexpected error occurred',
          'Oops, an unexpected error occurred',
          {
            detail: error instanceof Error ? error.message : String(error),
          },
        )
  const errors = [api.toJSON()]
  if (bapi) {
    // The Backend API has no client: `meta.client` is a Frontend API field.
    return {
      status: api.status,
      headers: api.headers,
      body: { errors, clerk_trace_id: newTraceId() },
    }
  }
  // clerk-js applies `meta.client` even on errors (PROTOCOL §1.9), so send the updated client.
  const client = ctx.client ? clientJSON(ctx.view, ctx.client) : null
  return {
    status: api.status,
    headers: api.headers,
    body: { errors, meta: { client }, clerk_trace_id: newTraceId() },
  }
}

/** A request refused before it reached a route (origin, size, version): an envelope, no client. */
function refusal(error: ApiError, request: Request, bapi: boolean, allowed: boolean): Response {
  const body = { errors: [error.toJSON()], ...(bapi ? {} : { meta: { client: null } }) }
  const reply = {
    status: error.status,
    headers: error.headers,
    body: { ...body, clerk_trace_id: newTraceId() },
  }
  return toResponse(reply, request, [], allowed)
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    'request_body_invalid',
    'Request body too large',
    `The request body is larger than the emulator accepts (${limit} bytes).`,
  )
}

/** Reads the body as text, or `null` when it is larger than `limit` bytes. */
async function readBodyText(request: Request, limit: number): Promise<string | null> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) {
    return ''
  }
  const bytes = await request.arrayBuffer()
  return bytes.byteLength > limit ? null : new TextDecoder().decode(bytes)
}

/**
 * What a fault answers instead of the route (`null`: a delay or hold only, the route's answer goes
 * out). `committed` is the route's answer when the change is already made (`afterCommit`).
 */
async function answerFault(
  fault: FaultSpec,
  ctx: Ctx,
  bapi: boolean,
  held: HeldRequests,
  logged: RequestLogEntry | null,
  committed: Response | null,
): Promise<Response | null> {
  if (fault.delayMs) {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
  }
  if (fault.holdMs !== undefined) {
    // The log shows it held, so a test knows the request is in flight before it moves on.
    if (logged) {
      logged.held = true
    }
    try {
      await held.hold(fault.holdMs, ctx.path)
    } finally {
      if (logged) {
        logged.held = false
      }
    }
  }
  if (fault.drop) {
    throw new DroppedConnectionError(ctx.path, committed)
  }
  if (fault.body !== undefined) {
    const type = fault.contentType ?? 'text/html; charset=utf-8'
    const reply = { status: fault.status ?? 200, text: { type, content: fault.body } }
    return toResponse(reply, ctx.request, [], true)
  }
  if (fault.status) {
    // A gateway's or a crashed server's answer: no client snapshot rides along.
    return toResponse(
      errorReply(faultError(fault), { ...ctx, client: null }, bapi),
      ctx.request,
      [],
      true,
    )
  }
  return null
}

/** Adds a request to the log; its status is filled in once it is answered. */
function logRequest(
  state: EmulatorState,
  method: string,
  path: string,
  time: number,
): RequestLogEntry {
  const entry: RequestLogEntry = { method, path, time, status: null, held: false }
  state.requests.push(entry)
  return entry
}

function toResponse(reply: Reply, request: Request, cookies: string[], allowed: boolean): Response {
  const headers = new Headers(corsHeaders(request, allowed))
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    headers.set(name, value)
  }
  for (const cookie of cookies) {
    headers.append('Set-Cookie', cookie)
  }
  headers.set('Content-Type', reply.text?.type ?? 'application/json')
  headers.set('Cache-Control', 'no-store')
  const body = reply.text ? reply.text.content : JSON.stringify(reply.body ?? {})
  return new Response(body, { status: reply.status, headers })
}

/**
 * Creates an emulator of Clerk's FAPI and BAPI email-address endpoints.
 * @example
 * const emulator = createFapiEmulator({ settings: { resendThrottleMs: 0 } })
 * const res = await emulator.fetch(new Request('http://fapi.test/v1/me'))
 */
export function createFapiEmulator(options: EmulatorOptions = {}): FapiEmulator {
  const { now: start, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, ...initialSeed } = options
  const clock = createClock(start, () => held.releaseDue())
  const held = createHeldRequests(() => clock.now())
  let state: EmulatorState = buildState(initialSeed, clock.now())
  let faults: PendingFault[] = []

  const controls: EmulatorControls = {
    clock,
    reset(seed) {
      // Requests held for the old state must not land in the new one: their connections close.
      held.dropAll()
      // Time moved by one test must not leak into the next: back to real time, or to `now`.
      clock.set(start ?? Date.now())
      state = buildState(seed ?? initialSeed, clock.now())
      faults = []
    },
    injectFault(fault) {
      faults.push({ spec: fault, remaining: fault.times ?? 1 })
    },
    clearFaults() {
      faults = []
    },
    releaseHeld: () => held.releaseAll(),
  }

  function signedIn(): SignedInIds {
    const sessionId = state.clients.get(state.defaultClientId)?.lastActiveSessionId ?? ''
    const userId = state.sessions.get(sessionId)?.userId ?? ''
    return { clientId: state.defaultClientId, sessionId, userId }
  }

  async function serve(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const override = request.method === 'POST' ? url.searchParams.get('_method') : null
    const method = (override ?? request.method).toUpperCase()
    const { prefix, path } = splitPath(url.pathname)
    const bapi = isBapiPath(path)
    // The origin comes first, on every route: a page the instance does not accept learns nothing and
    // changes nothing, preflight included.
    const origin = request.headers.get('origin')
    if (origin !== null && !isAllowedOrigin(state, origin, url.origin)) {
      return refusal(originRefused(origin), request, bapi, false)
    }
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: preflightHeaders(request) })
    }
    const declared = Number(request.headers.get('content-length') ?? '0')
    if (declared > maxBodyBytes) {
      return refusal(tooLarge(maxBodyBytes), request, bapi, true)
    }
    const view: View = { state, now: clock.now(), base: `${url.origin}${prefix}` }
    const ctx: Ctx = {
      request,
      url,
      method,
      path,
      body: '',
      state,
      view,
      controls,
      client: null,
      setCookies: [],
      apiVersion: DEFAULT_API_VERSION,
    }
    const logged = FAPI_PATH.test(path) ? logRequest(state, method, path, view.now) : null
    const response = await answer(ctx, bapi, request.method.toUpperCase(), logged)
    if (logged) {
      logged.status = response.status
    }
    return response
  }

  /** The answer to a request past the origin and size checks: the route's, or a fault's. */
  async function answer(
    ctx: Ctx,
    bapi: boolean,
    wireMethod: string,
    logged: RequestLogEntry | null,
  ): Promise<Response> {
    const { request, path, method } = ctx
    const fault = path.startsWith('/__emulator')
      ? null
      : takeFault(faults, [wireMethod, method], path)
    if (fault && !fault.afterCommit) {
      const faulted = await answerFault(fault, ctx, bapi, held, logged, null)
      if (faulted) {
        return faulted
      }
      // A held request is carried out when it is let go, at the clock's time then.
      ctx.view = { ...ctx.view, now: clock.now() }
    }
    let reply: Reply
    try {
      const body = await readBodyText(request, maxBodyBytes)
      if (body === null) {
        return refusal(tooLarge(maxBodyBytes), request, bapi, true)
      }
      ctx.body = body
      if (bapi) {
        // The key before anything else, as Clerk's Backend API does: without it, even an unknown
        // path is 401, so a probe learns nothing about which routes exist.
        authorizeBapi(ctx)
      }
      if (path.startsWith('/v1')) {
        ctx.apiVersion = readApiVersion(request, ctx.url, ctx.state.settings.apiVersions)
      }
      const found = match(ROUTES, method, path)
      if (!found.route) {
        throw found.pathKnown
          ? new ApiError(
              405,
              'method_not_allowed',
              'Method not allowed',
              `${method} is not allowed on ${path.slice(0, 200)}.`,
            )
          : new ApiError(
              404,
              'resource_not_found',
              'not found',
              `No route for ${method} ${path.slice(0, 200)}.`,
            )
      }
      reply = found.route.handler(ctx, found.params)
    } catch (error) {
      reply = errorReply(error, ctx, bapi)
    }
    const routed = toResponse(reply, request, ctx.setCookies, true)
    if (fault?.afterCommit) {
      // The change is made; only the answer is lost or garbled on its way back.
      const faulted = await answerFault(fault, ctx, bapi, held, logged, routed)
      if (faulted) {
        return faulted
      }
    }
    return routed
  }

  return {
    fetch: serve,
    get outbox() {
      return [...state.outbox]
    },
    latestMessage(to) {
      const wanted = to?.toLowerCase()
      for (let i = state.outbox.length - 1; i >= 0; i -= 1) {
        const message = state.outbox[i]
        if (message && (wanted === undefined || message.to === wanted)) {
          return message
        }
      }
      return undefined
    },
    get requests() {
      return state.requests.map((entry) => ({ ...entry }))
    },
    clock,
    get signedIn() {
      return signedIn()
    },
    reset: controls.reset,
    injectFault: controls.injectFault,
    releaseHeld: controls.releaseHeld,
    reverify() {
      const session = state.sessions.get(signedIn().sessionId)
      if (session) {
        session.reverifiedAt = clock.now()
      }
    },
    maxBodyBytes,
  }
}
