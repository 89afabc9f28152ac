/**
 * Reading an HTTP answer the way both clients (FAPI and BAPI) need it: JSON or nothing, and a
 * `FapiError` for every failure, also when a gateway answered instead of Clerk.
 */
import { clientError, FapiError } from './fapi-error'
import { readErrorBody } from './parse'

/** The JSON of a body, or `undefined` when it is not JSON (a proxy's HTML page, an empty body). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The `FapiError` for a non-2xx answer whose body (`undefined` if not JSON) has been read. */
export function errorFromAnswer(
  response: Response,
  body: unknown,
  sessionId: string | null,
  now: number = Date.now(),
): FapiError {
  const headers = {
    retryAfter: parseRetryAfter(response.headers.get('Retry-After'), now),
    traceId: response.headers.get('cf-ray'),
  }
  const fromBody = readErrorBody(body, response.status, sessionId, headers)
  if (fromBody) {
    return fromBody
  }
  // No ClerkErrors body: a gateway or proxy answered (an HTML 502), so Clerk was not really reached.
  const code = body === undefined ? 'network_error' : 'invalid_response'
  const error = clientError(
    response.status,
    code,
    `The server answered ${response.status} without details.`,
  )
  return new FapiError({ status: error.status, errors: [...error.errors], ...headers })
}

/** `Retry-After` in seconds, from either of its forms (seconds, or an HTTP date). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) {
    return null
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim())
  }
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000))
}
