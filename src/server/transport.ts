/**
 * How the Backend API client talks HTTP (PROTOCOL.md §6.1): JSON bodies, `Authorization: Bearer`,
 * `Clerk-API-Version`, bare resources back, `ClerkErrors` on failure. Each attempt has a timeout and
 * is classified for the retry policy: an answer by its status, a failed connection by whether the
 * request may have been sent.
 */
import { parseJson, parseRetryAfter } from '../api/http-answer'
import { clientFailure, errorFromAnswer } from './errors'
import { type AttemptResult, type ResolvedRetryConfig, type RetryClock, withRetries } from './retry'

/** Sent as `User-Agent`. Kept by hand beside package.json (a test checks they agree) so bundles stay small. */
export const USER_AGENT = 'react-email-addresses/0.1.0'

/** One logical request; the transport sends it, retrying as `retries` allows. */
export interface BackendRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Below `/v1`, e.g. `/email_addresses`, with any query string. */
  path: string
  /** Sent as JSON; keys are already snake_case. */
  body?: Record<string, unknown>
  /** True when repeating the request after the server may have seen it does no harm. */
  idempotent: boolean
  retries: ResolvedRetryConfig
  /** Per attempt; 0 means none. */
  timeoutMs: number
  signal?: AbortSignal | undefined
}

/** A 2xx answer's status and parsed JSON. */
export interface BackendAnswer {
  status: number
  body: unknown
}

/** What the transport needs from the client. */
export interface TransportContext {
  /** Ends in `/v1`. */
  baseUrl: string
  secretKey: string
  apiVersion: string
  fetch: typeof fetch
  clock: RetryClock
}

/** Sends a request: resolves with its 2xx answer, or rejects with `BackendApiError` (or the abort reason). */
export function sendBackendRequest(
  context: TransportContext,
  request: BackendRequest,
): Promise<BackendAnswer> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${context.secretKey}`,
    'Clerk-API-Version': context.apiVersion,
    'User-Agent': USER_AGENT,
    Accept: 'application/json',
  }
  const init: RequestInit = { method: request.method, headers }
  if (request.body) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(request.body)
  }
  const url = `${context.baseUrl}${request.path}`
  return withRetries(() => attempt(context, url, init, request), {
    config: request.retries,
    idempotent: request.idempotent,
    clock: context.clock,
    signal: request.signal,
  })
}

async function attempt(
  context: TransportContext,
  url: string,
  init: RequestInit,
  request: BackendRequest,
): Promise<AttemptResult<BackendAnswer>> {
  const { signal, timeoutMs } = request
  // One controller per attempt, aborted by the caller's signal or by this attempt's timeout, so the
  // timeout also covers reading the body, and a timed-out attempt does not abort the retries.
  const controller = new AbortController()
  const onAbort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  let timedOut = false
  const cancel =
    timeoutMs > 0
      ? context.clock.startTimer(timeoutMs, () => {
          timedOut = true
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'))
        })
      : () => undefined
  let response: Response
  let text: string
  try {
    try {
      response = await context.fetch(url, { ...init, signal: controller.signal })
    } catch (cause) {
      signal?.throwIfAborted()
      return timedOut
        ? timeoutFailure(cause, timeoutMs)
        : connectionFailure(cause, !neverReachedServer(cause))
    }
    try {
      text = await response.text()
    } catch (cause) {
      // The headers arrived, so the server did see the request; only its answer was lost.
      signal?.throwIfAborted()
      return timedOut ? timeoutFailure(cause, timeoutMs) : connectionFailure(cause, true)
    }
  } finally {
    cancel()
    signal?.removeEventListener('abort', onAbort)
  }
  const body = parseJson(text)
  if (response.ok) {
    if (body === undefined) {
      throw clientFailure(
        'invalid_response',
        response.status,
        'invalid_response',
        'The server answered without JSON.',
      )
    }
    return { ok: true, value: { status: response.status, body } }
  }
  const error = errorFromAnswer(response.status, text, body, {
    traceId: response.headers.get('cf-ray'),
    retryAfter: parseRetryAfter(response.headers.get('Retry-After'), context.clock.now()),
  })
  const retryAfterMs = error.retryAfter === null ? null : error.retryAfter * 1000
  return { ok: false, failure: { kind: 'status', status: response.status, retryAfterMs, error } }
}

function connectionFailure(cause: unknown, mayHaveReachedServer: boolean): AttemptResult<never> {
  const message = mayHaveReachedServer
    ? 'The connection to the Backend API failed; the server may have processed the request.'
    : 'Could not connect to the Backend API; the request was not sent.'
  const error = clientFailure('network', 0, 'network_error', message, {
    cause,
    mayHaveReachedServer,
  })
  return { ok: false, failure: { kind: 'connection', mayHaveReachedServer, error } }
}

function timeoutFailure(cause: unknown, timeoutMs: number): AttemptResult<never> {
  const error = clientFailure(
    'timeout',
    0,
    'timeout',
    `The Backend API did not answer within ${timeoutMs} ms; the server may have processed the request.`,
    { cause, mayHaveReachedServer: true },
  )
  return { ok: false, failure: { kind: 'connection', mayHaveReachedServer: true, error } }
}

/**
 * Error codes that Node's fetch (undici) and DNS raise only before a connection exists, so before any
 * byte of the request left. A reset, a closed socket or a timeout while waiting for the answer is absent
 * on purpose: then the server may have acted. Runtimes that hide the cause (edge, browsers) count as sent.
 */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** True when `error` (or what caused it) proves the request never reached the server. */
export function neverReachedServer(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) {
    return false
  }
  const code = 'code' in error ? error.code : undefined
  if (typeof code === 'string' && NEVER_SENT_CODES.has(code)) {
    return true
  }
  // Happy eyeballs tries several addresses; only if every one was refused was nothing sent.
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every((inner: unknown) => neverReachedServer(inner, depth + 1))
  }
  return 'cause' in error && neverReachedServer(error.cause, depth + 1)
}
