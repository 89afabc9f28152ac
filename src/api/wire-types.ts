/**
 * The JSON shapes of Clerk's Frontend API, spelled as they travel (snake_case, epoch milliseconds).
 *
 * These are the only module the emulator in `src/testing` may share with the client: both sides agree on
 * the shapes, but each writes its own parsing and building, so a mistake on one side is caught by the
 * other (DESIGN.md, layers). Written from `Client.EmailAddress`, `Client.User`, `Client.Client-2`,
 * `Client.DeletedObject` and `ClerkErrors` of Clerk's FAPI OpenAPI file 2026-05-12.
 */

/** A verification's state. `transferable` only occurs for email links of sign-in and sign-up. */
export type VerificationStatusJSON =
  'unverified' | 'verified' | 'transferable' | 'failed' | 'expired'

/** The strategies a signed-in user can prepare for an email address. */
export type EmailVerificationStrategyJSON = 'email_code' | 'email_link' | 'enterprise_sso'

/** `EmailAddress.verification`: one of the spec's verification variants, or `null` before any prepare. */
export interface VerificationJSON {
  object?: string
  status: VerificationStatusJSON
  /** `email_code`, `email_link`, `enterprise_sso`, `admin`, `from_oauth_google`, `saml`, … */
  strategy: string
  attempts?: number | null
  expire_at?: number | null
  verified_at_client?: string | null
  /** Absolute URL of the identity provider, for `enterprise_sso` (and `saml`) preparations. */
  external_verification_redirect_url?: string | null
  error?: ClerkErrorJSON | null
}

/** `Stubs.Identification.Link`: the OAuth or SAML account an address came from. */
export interface IdentificationLinkJSON {
  type: string
  id: string
}

/** `Client.EmailAddress`. */
export interface EmailAddressJSON {
  id: string
  object: 'email_address'
  email_address: string
  reserved: boolean
  verification: VerificationJSON | null
  linked_to: IdentificationLinkJSON[]
  matches_sso_connection?: boolean
  created_at: number
  updated_at: number
}

/** `Client.User`, with the fields this library reads typed and the rest passed through. */
export interface UserJSON {
  id: string
  object: 'user'
  primary_email_address_id: string | null
  email_addresses: EmailAddressJSON[]
  username?: string | null
  first_name?: string | null
  last_name?: string | null
  image_url?: string
  has_image?: boolean
  created_at: number
  updated_at: number
  [field: string]: unknown
}

/** A session token as it rides in `last_active_token` and answers `POST …/tokens`. */
export interface TokenJSON {
  object: 'token'
  jwt: string
}

/** `Client.Session-2`, trimmed to what the client reads; the emulator sends every required field. */
export interface SessionJSON {
  id: string
  object: 'session'
  status: 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'pending'
  user: UserJSON | null
  last_active_token?: TokenJSON | null
  expire_at?: number
  abandon_at?: number
  last_active_at?: number
  created_at?: number
  updated_at?: number
  [field: string]: unknown
}

/** `Client.Client-2`: the browser's client, whose sessions carry the signed-in users. */
export interface ClientJSON {
  id: string
  object: 'client'
  sessions: SessionJSON[]
  last_active_session_id: string | null
  sign_in?: unknown
  sign_up?: unknown
  created_at?: number
  updated_at?: number
  [field: string]: unknown
}

/** `Client.DeletedObject`. */
export interface DeletedObjectJSON {
  object: string
  id?: string
  slug?: string | null
  deleted: boolean
}

/** Every FAPI mutation (and `GET /v1/me…` item reads) answer the resource with the client piggybacked. */
export interface ClientWrappedJSON<TResponse> {
  response: TResponse
  client: ClientJSON | null
}

/** `ClerkError`: one entry of an error answer. */
export interface ClerkErrorJSON {
  code: string
  message: string
  long_message: string
  meta?: {
    param_name?: string
    session_id?: string
    email_addresses?: string[]
    identifiers?: string[]
    [field: string]: unknown
  }
}

/** `ClerkErrors`: every 4xx and 5xx body, with the client in `meta.client` when the server has one. */
export interface ClerkErrorsJSON {
  errors: ClerkErrorJSON[]
  meta?: { client?: ClientJSON | null; [field: string]: unknown }
  clerk_trace_id?: string
}

/** `POST /v1/dev_browser`: `id` is the token (clerk-js reads `id`; some scripts read `token`). */
export interface DevBrowserJSON {
  id: string
  token?: string
}

/** The form body fields of each FAPI request, snake_case as on the wire. */
export interface CreateEmailAddressBodyJSON {
  email_address: string
}
export interface PrepareVerificationBodyJSON {
  strategy: EmailVerificationStrategyJSON
  redirect_url?: string
  action_complete_redirect_url?: string
}
export interface AttemptVerificationBodyJSON {
  code: string
}
export interface UpdateMeBodyJSON {
  primary_email_address_id?: string | null
}

/** The API version this library speaks by default: the version of the OpenAPI files it was written from. */
export const FAPI_API_VERSION = '2026-05-12'
