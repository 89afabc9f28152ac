import type { FapiErrorItem, User } from './types'

/**
 * Codes the client itself produces, beside those FAPI sends. The last three come from the hooks,
 * after an answer was lost: the change was not made, could not be checked, or (a send) could not be
 * confirmed.
 */
export type ClientErrorCode =
  | 'network_error'
  | 'invalid_response'
  | 'invalid_redirect_url'
  | 'invalid_publishable_key'
  | 'invalid_proxy_url'
  | 'dev_browser_failed'
  | 'change_not_applied'
  | 'change_unconfirmed'
  | 'verification_unconfirmed'

interface FapiErrorInit {
  status: number
  errors: FapiErrorItem[]
  retryAfter?: number | null
  traceId?: string | null
  user?: User | null
  cause?: unknown
}

/**
 * Every failure of a FAPI call: an error answer, an unreadable answer, or no answer at all.
 *
 * - `status` is the HTTP status, or `0` when no answer arrived (`code === 'network_error'`).
 * - `code` is the first error's code; `errors` has all of them.
 * - `fieldErrors` maps camelCase parameter names (`emailAddress`, `code`) to the first error about them,
 *   so forms can put each message on its field.
 * - `retryAfter` is the server's `Retry-After`, in seconds.
 * - `user` is the session's user from the error's `meta.client`, when the server sent one.
 *
 * @example
 * try {
 *   await client.emailAddresses.attemptVerification(id, { code })
 * } catch (error) {
 *   if (isFapiError(error) && error.code === 'form_code_incorrect') showWrongCode()
 *   else throw error
 * }
 */
export class FapiError extends Error {
  override readonly name = 'FapiError'
  readonly status: number
  readonly code: string
  readonly errors: readonly FapiErrorItem[]
  readonly fieldErrors: Readonly<Record<string, FapiErrorItem>>
  readonly retryAfter: number | null
  readonly traceId: string | null
  readonly user: User | null

  constructor(init: FapiErrorInit) {
    const first = init.errors[0]
    super(
      first ? (first.longMessage ?? first.message) : `Request failed with status ${init.status}`,
      {
        cause: init.cause,
      },
    )
    this.status = init.status
    this.code = first?.code ?? 'unknown_error'
    this.errors = init.errors
    this.fieldErrors = toFieldErrors(init.errors)
    this.retryAfter = init.retryAfter ?? null
    this.traceId = init.traceId ?? null
    this.user = init.user ?? null
  }
}

/**
 * True for a `FapiError`, also one thrown by another copy of this library (checked by shape, since
 * `instanceof` fails across bundles).
 *
 * @example
 * if (isFapiError(error) && error.status === 429) wait(error.retryAfter)
 */
export function isFapiError(value: unknown): value is FapiError {
  if (value instanceof FapiError) {
    return true
  }
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const candidate = value as Partial<FapiError>
  return (
    candidate.name === 'FapiError' &&
    typeof candidate.status === 'number' &&
    typeof candidate.code === 'string' &&
    Array.isArray(candidate.errors)
  )
}

/** A client-side error with one item, for failures that have no server answer to quote. */
export function clientError(
  status: number,
  code: ClientErrorCode,
  message: string,
  options: { paramName?: string; cause?: unknown } = {},
): FapiError {
  const meta = options.paramName ? { paramName: options.paramName } : {}
  return new FapiError({
    status,
    errors: [{ code, message, longMessage: null, meta }],
    cause: options.cause,
  })
}

function toFieldErrors(errors: readonly FapiErrorItem[]): Record<string, FapiErrorItem> {
  const fields: Record<string, FapiErrorItem> = {}
  for (const error of errors) {
    const param = error.meta.paramName
    if (param) {
      const field = snakeToCamel(param)
      fields[field] ??= error
    }
  }
  return fields
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())
}
