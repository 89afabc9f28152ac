/**
 * Types of the emulator's options, seed and in-memory records.
 *
 * Records are the emulator's own model; the wire JSON is built from them in `serialize.ts`, so that
 * the shapes the client sees are produced in exactly one place.
 */
import type { EmailVerificationStrategyJSON, VerificationStatusJSON } from '../api/wire-types'

/** Actions that can be configured to demand a fresh reverification (403 `session_reverification_required`). */
export type ReverificationAction =
  'create_email_address' | 'delete_email_address' | 'set_primary_email_address'

/** Instance settings: the knobs of the emulated Clerk instance. Every field has a default. */
export interface InstanceSettings {
  /**
   * Strategies accepted by `prepare_verification`. Default `['email_code', 'enterprise_sso']`: a fresh
   * Clerk instance verifies added addresses by code only (links are opt-in); `enterprise_sso` is used
   * only for addresses on `ssoDomains`. Add `'email_link'` to offer links.
   */
  strategies: EmailVerificationStrategyJSON[]
  /** Digits in an `email_code` code. Default 6. */
  codeLength: number
  /** Lifetime of a code, in ms. Default 10 minutes (Clerk's own mock uses the same). */
  codeLifetimeMs: number
  /** Lifetime of an email link, in ms. Default 10 minutes. */
  linkLifetimeMs: number
  /** Wrong codes allowed before the verification fails. Default 3. */
  maxAttempts: number
  /** Minimum time between two prepares of one address, in ms. Default 30 s; 0 turns it off. */
  resendThrottleMs: number
  /** `+clerk_test` addresses send no code and accept `424242`. Default true (development instance). */
  testMode: boolean
  /** Actions that answer 403 `session_reverification_required` until the session reverifies. */
  reverificationRequired: ReverificationAction[]
  /** How long a reverification stays fresh, in ms. Default 10 minutes. */
  reverificationMaxAgeMs: number
  /** Domains of an enterprise connection: their addresses get `matches_sso_connection: true`. */
  ssoDomains: string[]
  /** Domains whose addresses cannot be added (422 `form_email_address_blocked`). */
  blockedDomains: string[]
  /** Maximum unverified addresses per user before create answers 400. Default 5. */
  maxUnverified: number
  /**
   * Origins the instance accepts besides loopback ones and reserved test names (`*.test`,
   * `*.example`, `example.com`), like Clerk's `allowed_origins`: for CORS (an `Origin` it does not
   * accept gets 400 `origin_invalid` and no CORS headers, on every route, `/__emulator/*` included)
   * and for where `GET /v1/verify` may redirect. The CLI's `--allow-origin` adds to it. Default none.
   * @example settings: { allowedOrigins: ['https://staging.myapp.dev'] }
   */
  allowedOrigins: string[]
  /**
   * Clerk API versions to accept beyond those the emulator knows (`KNOWN_API_VERSIONS`), for an SDK
   * newer than the emulator; they answer like the newest known one. Default none.
   */
  apiVersions: string[]
}

/**
 * One address of a seeded user: a string is a verified address. `linked_to` names the OAuth or SAML
 * accounts it came from (`{ type: 'oauth_google' }`; an `id` is made up when missing).
 */
export type SeedEmailAddress =
  | string
  | {
      email_address: string
      verified?: boolean
      primary?: boolean
      id?: string
      linked_to?: { type: string; id?: string }[]
    }

/** One seeded user. The first user of a seed is the one signed in on the default client. */
export interface SeedUser {
  /** The user's id (`user_…`), so a test or an app's config can name it in advance. Default: random. */
  id?: string
  /** The id of the user's signed-in session (`sess_…`); it survives a reset. Default: random. */
  session_id?: string
  first_name?: string | null
  last_name?: string | null
  username?: string | null
  email_addresses: SeedEmailAddress[]
}

/**
 * What the emulator starts from: users, instance settings, strictness and the BAPI secret key.
 * It is plain JSON so the CLI's `--seed file.json` and `POST /__emulator/reset` accept it as is.
 * @example createFapiEmulator({ seed: { users: [{ email_addresses: ['jane@example.com'] }] } })
 */
export interface EmulatorSeed {
  users?: SeedUser[]
  settings?: Partial<InstanceSettings>
  /**
   * Laid over the generated `GET /v1/environment` answer, key by key (objects merge, anything else
   * replaces): what Clerk's prebuilt UI shows, e.g. `{ display_config: { application_name: 'Acme' } }`
   * or `{ user_settings: { attributes: { first_name: { enabled: true } } } }`. The emulator's rules
   * follow `settings`, not this overlay.
   */
  environment?: EnvironmentOverlay
  /** Require the `__client` cookie or `__clerk_db_jwt` on FAPI calls. Default false. */
  strict?: boolean
  /** The BAPI secret key expected in `Authorization: Bearer …`. Default `sk_test_emulator`. */
  secretKey?: string
}

/** A JSON object laid over the environment (see `EmulatorSeed.environment`). */
export interface EnvironmentOverlay {
  [key: string]: EnvironmentOverlayValue
}

/** A value of `EnvironmentOverlay`: plain JSON. */
export type EnvironmentOverlayValue =
  string | number | boolean | null | EnvironmentOverlayValue[] | EnvironmentOverlay

/** A sent email, as the emulator's outbox and inbox show it. Never logged to the console. */
export interface OutboxMessage {
  id: string
  to: string
  subject: string
  strategy: 'email_code' | 'email_link'
  /** What the message is for: verifying the address, or a step-up of the session (reverification). */
  purpose: 'verification' | 'reverification'
  /** The code for `email_code` messages. */
  code: string | null
  /** The absolute `/v1/verify?token=` link for `email_link` messages. */
  link: string | null
  email_address_id: string
  user_id: string
  created_at: number
}

/**
 * A fault for the next `times` requests matching `method` and `path`.
 * `path` is an exact path, or a prefix ending in `*`; `method` matches the real or the `_method` verb.
 * @example emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses', status: 500 })
 */
export interface FaultSpec {
  method?: string
  path: string
  times?: number
  status?: number
  code?: string
  delayMs?: number
  /**
   * Destroys the connection instead of answering, as a network failure would. With `times: 1` a
   * browser may not show it: Chromium silently sends a request again when a kept-alive connection
   * it reused closes before any answer byte, so the retry gets the real answer and the page sees
   * success. To make a browser see the failure, use `times: 2` (or more), or `afterCommit`: after
   * the change, the HTTP server sends the answer's status line, headers and half its body before it
   * cuts the connection, so no browser can send the request again (in-process, `fetch` rejects).
   */
  drop?: boolean
  /**
   * Holds the request (before the change, or after it with `afterCommit`) until the emulator's clock
   * has moved this many ms past its arrival: at once when a test advances the clock
   * (`clock.advance`, `POST /__emulator/clock`), or in real time if the clock runs on its own.
   * `releaseHeld()` (`POST /__emulator/faults/release`) lets every held request go on at once; a
   * reset drops them (their connections close). A slow server, without a real wait in the test.
   */
  holdMs?: number
  /** Seconds for a `Retry-After` header on the error. @defaultValue 1 for status 429, else none */
  retryAfter?: number
  /**
   * Answer with this raw text instead of Clerk's JSON envelope (a gateway's HTML page, a truncated
   * body). With `status` 200 it is a malformed success. @defaultValue the `ClerkErrors` envelope
   */
  body?: string
  /** The `Content-Type` of `body`. @defaultValue 'text/html; charset=utf-8' */
  contentType?: string
  /**
   * Carry the request out first (the change is committed), then answer with the fault: the answer a
   * client gets when a gateway or the network fails after the server acted. @defaultValue false
   */
  afterCommit?: boolean
}

/** One Frontend API request the emulator received, as `GET /__emulator/requests` lists it. */
export interface RequestLogEntry {
  /** The logical verb: the real one, or `_method` on a POST (`DELETE`, `PATCH`). */
  method: string
  /** The path from `/v1` on, without a proxy prefix, query or trailing slash. */
  path: string
  /** When it arrived, by the emulator's clock (epoch ms). */
  time: number
  /** The status answered; `null` while it is pending or when its connection was dropped. */
  status: number | null
  /** Whether a `holdMs` fault holds it now (before or after the change, as the fault says). */
  held: boolean
}

/** The emulator's record of a verification; `code` and `linkToken` never reach the wire. */
export interface VerificationRecord {
  strategy: string
  status: VerificationStatusJSON
  attempts: number | null
  expireAt: number | null
  preparedAt: number | null
  code: string | null
  linkToken: string | null
  redirectUrl: string | null
  externalUrl: string | null
  verifiedAtClient: string | null
}

/** The emulator's record of an email address. */
export interface EmailRecord {
  id: string
  userId: string
  emailAddress: string
  verification: VerificationRecord | null
  /** The OAuth or SAML accounts the address came from (seeded only). */
  linkedTo: { type: string; id: string }[]
  createdAt: number
  updatedAt: number
}

/** The emulator's record of a user. */
export interface UserRecord {
  id: string
  firstName: string | null
  lastName: string | null
  username: string | null
  primaryEmailAddressId: string | null
  /** Set by `PATCH /v1/me` on API versions before 2026-05-12 (`api-version.ts`); else `{}`. */
  unsafeMetadata: Record<string, unknown>
  createdAt: number
  updatedAt: number
}

/** The emulator's record of a session. */
export interface SessionRecord {
  id: string
  userId: string
  clientId: string
  status: 'active' | 'ended' | 'revoked'
  lastActiveAt: number
  reverifiedAt: number
  /** The step-up in progress (`POST /v1/client/sessions/{id}/verify`), if any. */
  reverification?: ReverificationRecord | null
  /** The `User-Agent` of the session's latest request, for `GET /v1/me/sessions/active`. */
  userAgent?: string | null
  createdAt: number
  updatedAt: number
}

/**
 * A session reverification (`Client.SessionReverification`). The emulator has no passwords and no
 * second factors: the only first factor is an `email_code` to one of the user's verified addresses.
 */
export interface ReverificationRecord {
  /** The level asked for, after the fallback to `first_factor` (no second factors exist here). */
  level: 'first_factor'
  status: 'needs_first_factor' | 'complete'
  /** The prepared code, once `prepare_first_factor` ran; `code` never reaches the wire. */
  firstFactor: {
    emailAddressId: string
    status: 'unverified' | 'verified' | 'failed' | 'expired'
    attempts: number
    expireAt: number
    code: string
  } | null
}

/** The emulator's record of a client (one browser). */
export interface ClientRecord {
  id: string
  sessionIds: string[]
  lastActiveSessionId: string | null
  createdAt: number
  updatedAt: number
}

/** Where an email-link or SSO token leads. */
export interface LinkTokenRecord {
  emailId: string
  kind: 'email_link' | 'enterprise_sso'
}

/** Everything the emulator holds; replaced wholesale by `reset`. */
export interface EmulatorState {
  settings: InstanceSettings
  strict: boolean
  secretKey: string
  users: Map<string, UserRecord>
  emails: Map<string, EmailRecord>
  sessions: Map<string, SessionRecord>
  clients: Map<string, ClientRecord>
  /** Dev-browser token → client id. */
  devBrowsers: Map<string, string>
  linkTokens: Map<string, LinkTokenRecord>
  outbox: OutboxMessage[]
  /** Every Frontend API request since the last reset or `DELETE /__emulator/requests`, oldest first. */
  requests: RequestLogEntry[]
  defaultClientId: string
  /** The seed's overlay on `GET /v1/environment` (empty when none). */
  environment: EnvironmentOverlay
}
