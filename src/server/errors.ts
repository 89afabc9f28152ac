/**
 * The Backend API client's one error type. Clerk's generated SDK (the seed, `clerk-backend-api`,
 * PROTOCOL.md §6.3) raises two classes: `ClerkErrors` for the statuses an operation documents
 * (400/401/403/404/422, with Clerk's envelope) and `SDKError` for any other 4XX/5XX or a body without
 * the envelope; transport failures surface as httpx's own exceptions. Here every failure is a
 * `BackendApiError`, and `kind` says which of those cases it is.
 */

/** One entry of a `ClerkErrors` envelope, camelCased. */
export interface BackendApiErrorItem {
  code: string
  message: string
  longMessage: string | null
  /** `param_name` as `paramName` (the field the error is about), plus the other known keys. */
  meta: {
    paramName?: string
    sessionId?: string
    emailAddresses?: string[]
    identifiers?: string[]
  }
}

/**
 * What went wrong, as far as a caller can act on it:
 * - `api`: the Backend API answered with Clerk's `ClerkErrors` envelope (the seed's `ClerkErrors` for
 *   the statuses the operation documents, its `SDKError` for others such as 409, 429 or 5XX).
 * - `http`: a non-2xx answer without that envelope, e.g. a gateway's HTML 502 (the seed's `SDKError`);
 *   `body` holds the start of it.
 * - `invalid_response`: a 2xx answer the client could not read as the documented resource.
 * - `network`: no answer: refused, reset, DNS failure (the seed: httpx's `ConnectError`, `ReadError`…).
 * - `timeout`: no answer within `timeoutMs` (the seed: httpx's `TimeoutException`).
 */
export type BackendApiErrorKind = 'api' | 'http' | 'invalid_response' | 'network' | 'timeout'

/** The codes the client uses when the server sent none. */
export type BackendClientErrorCode = 'network_error' | 'timeout' | 'http_error' | 'invalid_response'

interface BackendApiErrorInit {
  kind: BackendApiErrorKind
  status: number
  errors: BackendApiErrorItem[]
  message: string
  traceId?: string | null
  retryAfter?: number | null
  body?: string | null
  mayHaveReachedServer?: boolean
  cause?: unknown
}

/**
 * Every failure of a `react-email-addresses/server` call.
 *
 * - `status`: the HTTP status, or `0` when no answer arrived (`network`, `timeout`).
 * - `errors`: the envelope's errors (`code`, `message`, `longMessage`, `meta.paramName`); for the
 *   client's own failures one entry with a `BackendClientErrorCode`. `code` is the first one's.
 * - `traceId`: `clerk_trace_id`, else the `cf-ray` header (as `@clerk/backend` reads it).
 * - `retryAfter`: the `Retry-After` header, in seconds.
 * - `mayHaveReachedServer`: false only when the request provably never left (connection refused, DNS
 *   failure). When true for a `network` or `timeout` failure of a create, the address may have been
 *   added: look it up (`users.list({ emailAddress })`) before creating it again.
 *
 * @example
 * try {
 *   await clerk.emailAddresses.create({ userId, emailAddress })
 * } catch (error) {
 *   if (isBackendApiError(error) && error.kind === 'api' && error.code === 'form_identifier_exists') {
 *     return 'taken'
 *   }
 *   throw error
 * }
 */
export class BackendApiError extends Error {
  override readonly name = 'BackendApiError'
  readonly kind: BackendApiErrorKind
  readonly status: number
  readonly code: string
  readonly errors: readonly BackendApiErrorItem[]
  readonly traceId: string | null
  readonly retryAfter: number | null
  /** The start (2 kB at most) of a body that was not the envelope (`kind: 'http'`), else `null`. */
  readonly body: string | null
  readonly mayHaveReachedServer: boolean

  constructor(init: BackendApiErrorInit) {
    super(init.message, { cause: init.cause })
    this.kind = init.kind
    this.status = init.status
    this.errors = init.errors
    this.code = init.errors[0]?.code ?? 'unknown_error'
    this.traceId = init.traceId ?? null
    this.retryAfter = init.retryAfter ?? null
    this.body = init.body ?? null
    this.mayHaveReachedServer = init.mayHaveReachedServer ?? true
  }
}

const KINDS: readonly string[] = ['api', 'http', 'invalid_response', 'network', 'timeout']

/**
 * True for a `BackendApiError`, also one from another copy of this library (checked by shape, since
 * `instanceof` fails across bundles).
 * @example if (isBackendApiError(error) && error.status === 404) return null
 */
export function isBackendApiError(value: unknown): value is BackendApiError {
  if (value instanceof BackendApiError) {
    return true
  }
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const candidate = value as Partial<BackendApiError>
  return (
    candidate.name === 'BackendApiError' &&
    typeof candidate.kind === 'string' &&
    KINDS.includes(candidate.kind) &&
    typeof candidate.status === 'number' &&
    Array.isArray(candidate.errors)
  )
}

/** A failure of the client's own, with one error entry carrying `code`. */
export function clientFailure(
  kind: Exclude<BackendApiErrorKind, 'api'>,
  status: number,
  code: BackendClientErrorCode,
  message: string,
  extra: Partial<BackendApiErrorInit> = {},
): BackendApiError {
  return new BackendApiError({
    kind,
    status,
    message,
    errors: [{ code, message, longMessage: null, meta: {} }],
    ...extra,
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toItem(value: unknown): BackendApiErrorItem | null {
  if (!isRecord(value) || typeof value.code !== 'string' || typeof value.message !== 'string') {
    return null
  }
  const meta = isRecord(value.meta) ? value.meta : {}
  const text = (entry: unknown) => (typeof entry === 'string' ? entry : undefined)
  const texts = (entry: unknown) =>
    Array.isArray(entry) && entry.every((item) => typeof item === 'string') ? entry : undefined
  const known = {
    paramName: text(meta.param_name),
    sessionId: text(meta.session_id),
    emailAddresses: texts(meta.email_addresses),
    identifiers: texts(meta.identifiers),
  }
  return {
    code: value.code,
    message: value.message,
    longMessage: typeof value.long_message === 'string' ? value.long_message : null,
    meta: Object.fromEntries(Object.entries(known).filter(([, entry]) => entry !== undefined)),
  }
}

/**
 * The error for a non-2xx answer: `api` when the body is Clerk's envelope (`errors` with at least one
 * well-formed entry), else `http` with the body's start.
 */
export function errorFromAnswer(
  status: number,
  text: string,
  body: unknown,
  headers: { traceId: string | null; retryAfter: number | null },
): BackendApiError {
  const raw = isRecord(body) && Array.isArray(body.errors) ? body.errors : []
  const errors = raw.map(toItem).filter((item): item is BackendApiErrorItem => item !== null)
  const [first] = errors
  if (first) {
    const traceId =
      isRecord(body) && typeof body.clerk_trace_id === 'string' ? body.clerk_trace_id : null
    return new BackendApiError({
      kind: 'api',
      status,
      errors,
      message: first.longMessage ?? first.message,
      traceId: traceId ?? headers.traceId,
      retryAfter: headers.retryAfter,
    })
  }
  // No envelope: a gateway or proxy answered, or something that is not Clerk.
  return clientFailure(
    'http',
    status,
    'http_error',
    `The server answered ${status} without Clerk's error details.`,
    {
      traceId: headers.traceId,
      retryAfter: headers.retryAfter,
      body: text.slice(0, 2048),
    },
  )
}
