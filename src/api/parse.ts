/**
 * Every FAPI answer goes through these schemas before anything else sees it, and the only place that
 * turns snake_case into camelCase. Unknown extra fields pass; a missing or mistyped field the library
 * relies on becomes `FapiError('invalid_response')` instead of an `undefined` deep in the UI. Inside a
 * user's list one bad address does not spoil the others: it is set aside (and a link that is not
 * http(s) is dropped, never rendered), and the issue is reported.
 *
 * `zod/mini` keeps this cheap for apps: about 4.6 kB gzip against 21.6 kB for the full `zod` (DESIGN.md).
 */
import * as z from 'zod/mini'
import { clientError, FapiError } from './fapi-error'
import type { EmailAddress, FapiErrorItem, User, Verification } from './types'

const nullableString = z.optional(z.nullable(z.string()))
const nullableNumber = z.optional(z.nullable(z.number()))

/**
 * Something in an answer the library set aside: a link it dropped, an address it could not read.
 *
 * @example
 * <EmailAddressesProvider {...props} onResponseIssue={(issue: ResponseIssue) => log.warn(issue.path, issue.message)} />
 */
export interface ResponseIssue {
  /** Where, e.g. `email_addresses[idn_…].verification.external_verification_redirect_url`. */
  path: string
  message: string
}

/** Told about each `ResponseIssue`. */
export type ReportIssue = (issue: ResponseIssue) => void

const ignore: ReportIssue = () => undefined

const errorItem = z.object({
  code: z.string(),
  message: z.string(),
  long_message: nullableString,
  meta: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
})

const verification = z.object({
  status: z.enum(['unverified', 'verified', 'transferable', 'failed', 'expired']),
  strategy: z.string(),
  attempts: nullableNumber,
  expire_at: nullableNumber,
  verified_at_client: nullableString,
  // Checked in `toVerification`: a bad URL is dropped and reported, the address kept.
  external_verification_redirect_url: nullableString,
  error: z.optional(z.nullable(errorItem)),
})

const emailAddress = z.object({
  id: z.string(),
  email_address: z.string(),
  reserved: z.optional(z.boolean()),
  verification: z.nullable(verification),
  linked_to: z.optional(z.array(z.object({ type: z.string(), id: z.string() }))),
  matches_sso_connection: z.optional(z.boolean()),
  created_at: z.number(),
  updated_at: z.number(),
})

const user = z.object({
  id: z.string(),
  primary_email_address_id: z.nullable(z.string()),
  // Each address is read on its own in `toUser`, so one bad address cannot hide the others.
  email_addresses: z.array(z.unknown()),
  username: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  image_url: nullableString,
  created_at: z.number(),
  updated_at: z.number(),
})

const client = z.object({
  id: z.string(),
  sessions: z.array(z.object({ id: z.string(), user: z.optional(z.nullable(user)) })),
  last_active_session_id: z.nullable(z.string()),
})

const errorBody = z.object({
  errors: z.array(errorItem),
  meta: z.optional(z.nullable(z.object({ client: z.optional(z.nullable(z.unknown())) }))),
  clerk_trace_id: nullableString,
})

const deletedObject = z.object({ id: z.optional(z.string()), deleted: z.boolean() })

/** The answer shapes the operations expect, by name. */
export const schemas = {
  emailAddress,
  user,
  deletedObject,
  emailAddressList: z.array(emailAddress),
}

type Schema<T> = z.ZodMiniType<T>

/**
 * Parses `value` with `schema`, or throws what `failure` makes of the first bad field's path (`body`
 * for the whole value): each client turns it into its own `invalid_response` error.
 */
export function parseWith<T>(
  schema: Schema<T>,
  value: unknown,
  failure: (where: string, cause: unknown) => Error,
): T {
  const result = schema.safeParse(value)
  if (result.success) {
    return result.data
  }
  const issue = result.error.issues[0]
  throw failure(issue?.path.length ? issue.path.join('.') : 'body', result.error)
}

/** Parses `value` with `schema`, or throws `FapiError('invalid_response')` naming the first bad field. */
export function parseOrThrow<T>(schema: Schema<T>, value: unknown, status: number): T {
  return parseWith(schema, value, (where, cause) =>
    clientError(status, 'invalid_response', `Unexpected answer from the server at "${where}".`, {
      cause,
    }),
  )
}

/**
 * Reads a success body: FAPI wraps resources as `{ response, client }`; a bare resource is read as
 * clerk-js does (`json.response || json`). Returns the parsed resource and the session's user, if any.
 */
export function readWrapped<T>(
  schema: Schema<T>,
  answer: { body: unknown; status: number; sessionId: string | null; report?: ReportIssue },
): { resource: T; user: User | null } {
  const { body, status, sessionId, report } = answer
  const envelope = isRecord(body) && 'response' in body ? body : { response: body }
  const resource = parseOrThrow(schema, envelope.response, status)
  const user =
    'client' in envelope ? readSessionUser(envelope.client, status, sessionId, report) : null
  return { resource, user }
}

/** The user of the session `sessionId` (else the client's last active one) inside a client snapshot. */
export function readSessionUser(
  value: unknown,
  status: number,
  sessionId: string | null,
  report: ReportIssue = ignore,
): User | null {
  if (value === null || value === undefined) {
    return null
  }
  const snapshot = parseOrThrow(client, value, status)
  const wanted = sessionId ?? snapshot.last_active_session_id
  const session = snapshot.sessions.find((candidate) => candidate.id === wanted)
  return session?.user ? toUser(session.user, report) : null
}

/** Turns an error answer into a `FapiError`, or returns `null` if the body is not `ClerkErrors`. */
export function readErrorBody(
  body: unknown,
  status: number,
  sessionId: string | null,
  headers: { retryAfter: number | null; traceId: string | null },
): FapiError | null {
  const result = errorBody.safeParse(body)
  if (!result.success || result.data.errors.length === 0) {
    return null
  }
  let user: User | null = null
  try {
    user = readSessionUser(result.data.meta?.client, status, sessionId)
  } catch {
    // A malformed snapshot in an error must not hide the error itself.
  }
  return new FapiError({
    status,
    errors: result.data.errors.map(toErrorItem),
    retryAfter: headers.retryAfter,
    traceId: result.data.clerk_trace_id ?? headers.traceId,
    user,
  })
}

/** `EmailAddressJSON` → `EmailAddress`. */
export function toEmailAddress(
  json: z.infer<typeof emailAddress>,
  report: ReportIssue = ignore,
): EmailAddress {
  const at = `email_addresses[${json.id}].verification`
  return {
    id: json.id,
    emailAddress: json.email_address,
    reserved: json.reserved ?? false,
    verification: json.verification ? toVerification(json.verification, report, at) : null,
    linkedTo: (json.linked_to ?? []).map((link) => ({ type: link.type, id: link.id })),
    matchesSsoConnection: json.matches_sso_connection ?? false,
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

/** `UserJSON` → `User`; an address that cannot be read is left out and reported. */
export function toUser(json: z.infer<typeof user>, report: ReportIssue = ignore): User {
  const emailAddresses = json.email_addresses.flatMap((item, index) => {
    const result = emailAddress.safeParse(item)
    if (result.success) {
      return [toEmailAddress(result.data, report)]
    }
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : String(index)
    const field = result.error.issues[0]?.path.join('.')
    report({
      path: `email_addresses[${id}]${field ? `.${field}` : ''}`,
      message: 'This address could not be read, so it is not shown.',
    })
    return []
  })
  return {
    id: json.id,
    primaryEmailAddressId: json.primary_email_address_id,
    emailAddresses,
    username: json.username ?? null,
    firstName: json.first_name ?? null,
    lastName: json.last_name ?? null,
    imageUrl: json.image_url ?? null,
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

function toVerification(
  json: z.infer<typeof verification>,
  report: ReportIssue,
  at: string,
): Verification {
  let external = json.external_verification_redirect_url ?? null
  if (external !== null && !isHttpUrl(external)) {
    // Only absolute http(s) URLs may reach a UI that navigates to them.
    report({
      path: `${at}.external_verification_redirect_url`,
      message: 'Not an absolute http(s) URL, so it is left out.',
    })
    external = null
  }
  return {
    status: json.status,
    strategy: json.strategy,
    attempts: json.attempts ?? null,
    expireAt: json.expire_at ?? null,
    verifiedAtClient: json.verified_at_client ?? null,
    externalVerificationRedirectUrl: external,
    error: json.error ? toErrorItem(json.error) : null,
  }
}

function toErrorItem(json: z.infer<typeof errorItem>): FapiErrorItem {
  const meta = json.meta ?? {}
  const strings = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined
  const string = (value: unknown) => (typeof value === 'string' ? value : undefined)
  return {
    code: json.code,
    message: json.message,
    longMessage: json.long_message ?? null,
    meta: dropUndefined({
      paramName: string(meta.param_name),
      sessionId: string(meta.session_id),
      emailAddresses: strings(meta.email_addresses),
      identifiers: strings(meta.identifiers),
    }),
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** True for an absolute `http:` or `https:` URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}
