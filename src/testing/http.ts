/**
 * The emulator's request context, its own body and cookie parsing (never the client's: DESIGN.md,
 * layers), the `ApiError` every rule throws, and the origin policy and CORS headers of PROTOCOL §1.11.
 */
import type { ClerkErrorJSON } from '../api/wire-types'
import type { EmulatorClock } from './clock'
import type { View } from './serialize'
import type { ClientRecord, EmulatorSeed, EmulatorState, FaultSpec } from './types'

/** What a route answers; the emulator turns it into a `Response` with CORS and cookies. */
export interface Reply {
  status: number
  body?: unknown
  /** A non-JSON body (the inbox page, the avatar image) with its content type. */
  text?: { type: string; content: string }
  headers?: Record<string, string>
}

/** The emulator operations the control routes reach. */
export interface EmulatorControls {
  clock: EmulatorClock
  reset(seed?: EmulatorSeed): void
  injectFault(fault: FaultSpec): void
  clearFaults(): void
  /** Lets every request held by a `holdMs` fault go on; returns how many there were. */
  releaseHeld(): number
}

/** One request as the routes see it. */
export interface Ctx {
  request: Request
  url: URL
  /** The logical verb: the real one, or `_method` on a POST (PROTOCOL §1.4). */
  method: string
  /** The path from `/v1` on, without a trailing slash (the create route takes both, §2.3). */
  path: string
  body: string
  state: EmulatorState
  view: View
  controls: EmulatorControls
  /** The client this request acts for, once identity has been resolved (rides in `meta.client`). */
  client: ClientRecord | null
  setCookies: string[]
  /** The Clerk API version the request asked for (`api-version.ts`), or the default. */
  apiVersion: string
}

/**
 * A Clerk error; routes throw it and the emulator answers the `ClerkErrors` envelope.
 * @example throw new ApiError(404, 'resource_not_found', 'not found', 'Resource not found')
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly shortMessage: string,
    readonly longMessage: string,
    readonly meta: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(longMessage)
    this.name = 'ApiError'
  }

  /** The error as one entry of `errors[]`. */
  toJSON(): ClerkErrorJSON {
    return {
      code: this.code,
      message: this.shortMessage,
      long_message: this.longMessage,
      meta: this.meta,
    }
  }
}

/** An error whose short and long messages are the same sentence (the `verification_*` family). */
export function clerkError(status: number, code: string, long: string): ApiError {
  return new ApiError(status, code, long, long)
}

/** 422 `form_param_missing`: a required parameter is absent. */
export function paramMissing(param: string): ApiError {
  return new ApiError(422, 'form_param_missing', 'is missing', `${param} must be included.`, {
    param_name: param,
  })
}

/** 422 `form_param_nil`: a parameter is present but empty. */
export function paramNil(param: string): ApiError {
  return new ApiError(422, 'form_param_nil', 'is required', `${param} is required.`, {
    param_name: param,
  })
}

/** 422 `form_param_value_invalid`: a parameter has a value the server does not accept. */
export function paramInvalid(param: string, long: string): ApiError {
  return new ApiError(422, 'form_param_value_invalid', 'is invalid', long, { param_name: param })
}

/** 404 `resource_not_found`. */
export function notFound(): ApiError {
  return new ApiError(404, 'resource_not_found', 'not found', 'Resource not found')
}

/** 401 `authentication_invalid`: no usable session. */
export function unauthenticated(): ApiError {
  return new ApiError(
    401,
    'authentication_invalid',
    'Invalid authentication',
    'Unable to authenticate the request, you need to supply an active session',
  )
}

/** Parses a form-urlencoded body (or JSON, for non-browser clients); an empty value means null. */
export function parseForm(ctx: Ctx): Map<string, string | null> {
  const out = new Map<string, string | null>()
  const type = ctx.request.headers.get('content-type') ?? ''
  if (type.includes('application/json') && ctx.body.trim() !== '') {
    for (const [key, value] of Object.entries(parseJsonObject(ctx.body))) {
      out.set(key, value === null || value === '' ? null : String(value))
    }
    return out
  }
  for (const [key, value] of new URLSearchParams(ctx.body)) {
    out.set(key, value === '' ? null : value)
  }
  return out
}

/** Parses a JSON object body; anything else is 400 `request_body_invalid`. */
export function parseJsonObject(body: string): Record<string, unknown> {
  if (body.trim() === '') {
    return {}
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    parsed = undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(
      400,
      'request_body_invalid',
      'Request body invalid',
      'The request body must be a JSON object.',
    )
  }
  return parsed as Record<string, unknown>
}

/** Reads one cookie from the `Cookie` header; all others (`__session`, `__client_uat`, …) are ignored. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie')
  if (!header) {
    return null
  }
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim())
    }
  }
  return null
}

const EXPOSED = 'Retry-After, Clerk-Db-Jwt, Authorization, x-country'

/**
 * Names that only ever point at this machine: `localhost` and its subdomains (RFC 6761), 127.0.0.0/8
 * and `::1`.
 * @example isLoopbackHost('127.0.0.1') // true
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  )
}

/**
 * Names reserved for testing and documentation, which no public web site can have (RFC 2606, RFC
 * 6761): `*.test`, `*.example`, `*.invalid`, and `example.com`, `.net`, `.org` with their subdomains.
 * Tests and stories use them for fake app and FAPI origins.
 */
export function isReservedHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return (
    /(?:^|\.)(?:test|example|invalid)$/.test(host) || /(?:^|\.)example\.(?:com|net|org)$/.test(host)
  )
}

/** An origin as compared: `scheme://host[:port]` for http(s), else the value lower-cased. */
export function normalizeOrigin(value: string): string {
  const trimmed = value.trim()
  try {
    const url = new URL(trimmed)
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      return url.origin
    }
  } catch {
    // Not a URL: compared as written.
  }
  return trimmed.toLowerCase().replace(/\/+$/, '')
}

/**
 * Whether the instance accepts `origin` (an `Origin` header, or a redirect target's origin): a loopback
 * or reserved http(s) origin, one of `settings.allowedOrigins` (Clerk's `allowed_origins`), or `own`,
 * the emulator's own origin. Any other page open in the developer's browser is refused, so it can
 * neither read the outbox's codes nor drive the control routes.
 */
export function isAllowedOrigin(state: EmulatorState, origin: string, own?: string): boolean {
  const wanted = normalizeOrigin(origin)
  if (own !== undefined && wanted === normalizeOrigin(own)) {
    return true
  }
  if (state.settings.allowedOrigins.some((allowed) => normalizeOrigin(allowed) === wanted)) {
    return true
  }
  try {
    const url = new URL(wanted)
    const web = url.protocol === 'http:' || url.protocol === 'https:'
    return web && (isLoopbackHost(url.hostname) || isReservedHost(url.hostname))
  } catch {
    return false
  }
}

/** 400 `origin_invalid` (Clerk FAPI's code for an origin it does not accept), with the way out. */
export function originRefused(origin: string): ApiError {
  return new ApiError(
    400,
    'origin_invalid',
    'Invalid HTTP Origin header',
    `The origin ${origin.slice(0, 200)} is not allowed. The emulator accepts loopback origins ` +
      '(localhost, 127.0.0.1, [::1]) and reserved test names (*.test, *.example, example.com); add ' +
      'others with --allow-origin or settings.allowedOrigins.',
  )
}

/**
 * CORS headers for every response: the exact origin echoed, credentials allowed (PROTOCOL §1.11), but
 * only for an origin the instance allows (`isAllowedOrigin`); others get no `Access-Control-Allow-*`,
 * so the browser hides the answer from them.
 */
export function corsHeaders(request: Request, allowed = true): Record<string, string> {
  const origin = request.headers.get('origin')
  const headers: Record<string, string> = {
    Vary: 'Origin',
    'Access-Control-Expose-Headers': EXPOSED,
  }
  if (origin && allowed) {
    headers['Access-Control-Allow-Origin'] = origin
    headers['Access-Control-Allow-Credentials'] = 'true'
  }
  return headers
}

/** The answer to an `OPTIONS` preflight from an allowed origin. */
export function preflightHeaders(request: Request): Record<string, string> {
  return {
    ...corsHeaders(request),
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      request.headers.get('access-control-request-headers') ?? 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
  }
}
