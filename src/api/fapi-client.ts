/**
 * The one place the library talks HTTP. It sends requests exactly as clerk-js does (PROTOCOL.md §1):
 * only GET and POST on the wire with `_method` for the rest, form bodies, no custom headers (so no CORS
 * preflight), `credentials: 'include'`, `__clerk_api_version`, `_clerk_session_id` on `/me` paths, and the
 * dev-browser token last.
 */
import { createDevBrowser, type DevBrowser } from './dev-browser'
import { createEmailAddressesApi, type EmailAddressesApi } from './email-addresses'
import { clientError } from './fapi-error'
import { developmentHostOf, type FapiLocation, isDevelopmentHost, fapiBase } from './fapi-url'
import { createMeApi, type MeApi } from './me'
import { errorFromAnswer, parseJson } from './http-answer'
import { maxAttempts, retryDelay, sleep } from './retry'
import type { ReportIssue, ResponseIssue } from './parse'
import { FAPI_API_VERSION } from './wire-types'

/** Options of `createFapiClient`: where FAPI is (one of `publishableKey`, `frontendApi`, `proxyUrl`), and more. */
export type FapiClientOptions = FapiLocation & {
  /** The active session's id (`sess_…`). Sent as `_clerk_session_id` on every `/v1/me…` request. */
  sessionId?: string | null
  /** Read at every request instead of `sessionId`, for apps whose session can change. */
  getSessionId?: () => string | null | undefined
  /** A `fetch` to use instead of the global one (tests, SSR, instrumentation). */
  fetch?: typeof fetch
  /** The `__clerk_api_version` to send. @defaultValue `'2026-05-12'` */
  apiVersion?: string
  /**
   * Supplies the development instance's dev-browser token (e.g. from a loaded clerk-js). Without it the
   * client reuses clerk-js's `__clerk_db_jwt` cookie if the page has one, else asks FAPI for a new token.
   */
  getDevBrowserToken?: () => string | null | undefined | Promise<string | null | undefined>
  /**
   * Told, once per distinct issue, when an answer had something the client set aside instead of
   * failing: an address it could not read (the others are kept) or a link that was not http(s).
   * Send it to your error reporting.
   */
  onResponseIssue?: (issue: ResponseIssue) => void
}

/** A typed FAPI client for the signed-in user's email addresses. Results are plain camelCase data. */
export interface FapiClient {
  /**
   * FAPI's base URL, ending in `/v1`; with the session id it scopes cached data. For a relative
   * `proxyUrl` it is that path (`/__clerk/v1`), resolved against the page when a request is sent.
   */
  readonly baseUrl: string
  /** The session id the next request will use, or `null` if none is set. */
  getSessionId(): string | null
  readonly emailAddresses: EmailAddressesApi
  readonly me: MeApi
}

/** One logical request; the transport turns it into what goes on the wire. */
export interface FapiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  body?: Record<string, string | null | undefined>
  signal?: AbortSignal | undefined
}

/** A 2xx answer: its parsed JSON (`null` for 204) and the session id the request was sent with. */
export interface FapiAnswer {
  status: number
  body: unknown
  sessionId: string | null
  /** Where to tell what the parser set aside. */
  report: ReportIssue
}

/** Sends a request and returns its 2xx answer, or throws `FapiError` (or the signal's reason on abort). */
export type FapiTransport = (request: FapiRequest) => Promise<FapiAnswer>

/**
 * Creates a client for Clerk's Frontend API.
 *
 * @example
 * const client = createFapiClient({ publishableKey: 'pk_test_…', sessionId: 'sess_…' })
 * const { emailAddress } = await client.emailAddresses.create({ emailAddress: 'jane@example.com' })
 * await client.emailAddresses.prepareVerification(emailAddress.id, { strategy: 'email_code' })
 * const { user } = await client.emailAddresses.attemptVerification(emailAddress.id, { code: '424242' })
 */
export function createFapiClient(options: FapiClientOptions): FapiClient {
  const base = fapiBase(options)
  const apiVersion = options.apiVersion ?? FAPI_API_VERSION
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const getSessionId = () =>
    (options.getSessionId ? options.getSessionId() : options.sessionId) ?? null
  const devHost = developmentHostOf(options)
  const devBrowser = createDevBrowser({
    enabled: devHost !== null && isDevelopmentHost(devHost),
    baseUrl: base.resolve,
    apiVersion,
    fetch: fetchImpl,
    getDevBrowserToken: options.getDevBrowserToken,
  })
  const seen = new Set<string>()
  const report: ReportIssue = (issue) => {
    const key = `${issue.path}\n${issue.message}`
    if (!seen.has(key)) {
      seen.add(key)
      options.onResponseIssue?.(issue)
    }
  }
  const transport = createTransport({
    baseUrl: base.resolve,
    apiVersion,
    fetch: fetchImpl,
    getSessionId,
    devBrowser,
    report,
  })

  return {
    baseUrl: base.key,
    getSessionId,
    emailAddresses: createEmailAddressesApi(transport),
    me: createMeApi(transport),
  }
}

interface TransportContext {
  baseUrl: () => string
  apiVersion: string
  fetch: typeof fetch
  getSessionId: () => string | null
  devBrowser: DevBrowser
  report: ReportIssue
}

function createTransport(context: TransportContext): FapiTransport {
  const send = async (request: FapiRequest, canResetDevBrowser: boolean): Promise<FapiAnswer> => {
    const sessionId = context.getSessionId()
    const url = new URL(`${context.baseUrl()}${request.path}`)
    url.searchParams.set('__clerk_api_version', context.apiVersion)
    if (request.method === 'PATCH' || request.method === 'DELETE') {
      url.searchParams.set('_method', request.method)
    }
    if (sessionId && request.path.startsWith('/me')) {
      url.searchParams.set('_clerk_session_id', sessionId)
    }
    const devToken = await context.devBrowser.token()
    if (devToken) {
      url.searchParams.set('__clerk_db_jwt', devToken)
    }

    const response = await fetchWithRetries(context.fetch, url, request)
    const rotated = response.headers.get('Clerk-Db-Jwt')
    if (rotated) {
      context.devBrowser.rotate(rotated)
    }
    const body = await readJson(response)
    if (response.ok) {
      if (body === undefined) {
        throw clientError(response.status, 'invalid_response', 'The server answered without JSON.')
      }
      return { status: response.status, body, sessionId, report: context.report }
    }
    const error = errorFromAnswer(response, body, sessionId)
    // The server refused the token before doing anything, so asking again with a fresh one is safe.
    if (
      error.code === 'dev_browser_unauthenticated' &&
      canResetDevBrowser &&
      context.devBrowser.reset()
    ) {
      return send(request, false)
    }
    throw error
  }
  return (request) => send(request, true)
}

async function fetchWithRetries(
  fetchImpl: typeof fetch,
  url: URL,
  request: FapiRequest,
): Promise<Response> {
  const isGet = request.method === 'GET'
  const attempts = isGet ? maxAttempts() : 1
  const init: RequestInit = {
    method: isGet ? 'GET' : 'POST',
    credentials: 'include',
    signal: request.signal ?? null,
  }
  if (!isGet) {
    // A form content type is CORS-safelisted: no preflight, as with clerk-js (Safari cookie bug, §1.4).
    init.headers = { 'content-type': 'application/x-www-form-urlencoded' }
    init.body = encodeForm(request.body ?? {})
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetchImpl(url.href, init)
    } catch (cause) {
      if (request.signal?.aborted) {
        throw request.signal.reason
      }
      if (attempt >= attempts) {
        throw clientError(0, 'network_error', 'Could not reach the server.', { cause })
      }
    }
    await sleep(retryDelay(attempt), request.signal)
    url.searchParams.set('_clerk_retry_attempt', String(attempt))
  }
}

/** Form encoding as clerk-js: undefined dropped, null as an empty value (§1.5). Keys are already snake_case. */
function encodeForm(body: Record<string, string | null | undefined>): string {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) {
      form.append(key, value ?? '')
    }
  }
  return form.toString()
}

/** The answer's JSON, `null` for 204, or `undefined` when the body is not JSON (a proxy's HTML page). */
async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return null
  }
  return parseJson(await response.text().catch(() => ''))
}
