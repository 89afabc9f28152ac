/**
 * What the client returns: plain, immutable, camelCase data (no classes, no methods), so it can live in a
 * query cache, cross a `BroadcastChannel` or be serialised for SSR. Timestamps stay epoch milliseconds.
 */
import type { EmailVerificationStrategyJSON, VerificationStatusJSON } from './wire-types'

/** A verification's state, as FAPI reports it. */
export type VerificationStatus = VerificationStatusJSON

/** The strategies a signed-in user can prepare for an email address. */
export type EmailVerificationStrategy = EmailVerificationStrategyJSON

/** One error as FAPI reports it, camelCased. */
export interface FapiErrorItem {
  /** Stable machine code, e.g. `form_code_incorrect`. Map it to your own text; never show `message` raw. */
  code: string
  /** Short English text from the server. */
  message: string
  /** Longer English text from the server, when it sent one. */
  longMessage: string | null
  meta: {
    /** The request parameter the error is about, as sent (`email_address`, `code`, …). */
    paramName?: string
    sessionId?: string
    emailAddresses?: string[]
    identifiers?: string[]
  }
}

/** The verification of an email address. Branch on `strategy` and `status`, never on the wire's `object`. */
export interface Verification {
  status: VerificationStatus
  /** `email_code`, `email_link`, `enterprise_sso`, `admin`, `from_oauth_google`, … */
  strategy: string
  attempts: number | null
  /** When the code or link stops working (epoch ms), if the server set a limit. */
  expireAt: number | null
  verifiedAtClient: string | null
  /** Absolute http(s) URL of the identity provider, for `enterprise_sso`. */
  externalVerificationRedirectUrl: string | null
  error: FapiErrorItem | null
}

/** The OAuth or SAML account an address came from. */
export interface IdentificationLink {
  /** e.g. `oauth_google` or `saml`. */
  type: string
  id: string
}

/** One email address of the signed-in user. */
export interface EmailAddress {
  id: string
  emailAddress: string
  reserved: boolean
  /** `null` until a verification is prepared. */
  verification: Verification | null
  linkedTo: IdentificationLink[]
  /** True when the domain belongs to an enterprise SSO connection: verify it with `enterprise_sso`. */
  matchesSsoConnection: boolean
  createdAt: number
  updatedAt: number
}

/** The signed-in user, trimmed to what an email-address UI needs. */
export interface User {
  id: string
  primaryEmailAddressId: string | null
  emailAddresses: EmailAddress[]
  username: string | null
  firstName: string | null
  lastName: string | null
  imageUrl: string | null
  createdAt: number
  updatedAt: number
}

/** What a call that returns an email address answers: the address and the session's updated user. */
export interface EmailAddressResult {
  emailAddress: EmailAddress
  /** The session's user from the piggybacked client, or `null` if the answer had none. */
  user: User | null
}

/** What `emailAddresses.delete` answers. */
export interface DeleteEmailAddressResult {
  deleted: { id: string; deleted: boolean }
  /** The session's user from the piggybacked client, or `null` if the answer had none. */
  user: User | null
}

/** What `me.get` and `me.update` answer. */
export interface UserResult {
  user: User
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the request (and any network retry); the call then rejects with the signal's reason. */
  signal?: AbortSignal
}

/** Parameters of `emailAddresses.prepareVerification`. */
export interface PrepareVerificationParams {
  strategy: EmailVerificationStrategy
  /** Where the email link (or the identity provider) sends the user back. Absolute http(s) only. */
  redirectUrl?: string
  /** Absolute http(s) URL; FAPI uses it with OAuth and SAML strategies. */
  actionCompleteRedirectUrl?: string
}
