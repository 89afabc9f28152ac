/**
 * Builds the wire JSON (PROTOCOL §3) from the emulator's records. Every required field of Clerk's
 * `Client.User`, `Client.Session-2` and `Client.Client-2` is sent, because clerk-js rebuilds its whole
 * state from these snapshots and a missing field silently becomes `undefined` there.
 */
import type {
  ClientJSON,
  DeletedObjectJSON,
  EmailAddressJSON,
  SessionJSON,
  TokenJSON,
  UserJSON,
  VerificationJSON,
} from '../api/wire-types'
import { userEmails } from './state'
import type {
  ClientRecord,
  EmailRecord,
  EmulatorState,
  SessionRecord,
  UserRecord,
  VerificationRecord,
} from './types'

/** What serialization needs besides a record: the state, the emulated time and the public base URL. */
export interface View {
  state: EmulatorState
  now: number
  /** Origin plus any proxy prefix, e.g. `http://127.0.0.1:4010` or `http://localhost:3000/__clerk`. */
  base: string
}

const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000
const SESSION_ABANDON_MS = 30 * 24 * 3_600_000
const TOKEN_LIFETIME_S = 60

const OBJECT_BY_STRATEGY: Record<string, string> = {
  email_code: 'verification_otp',
  email_link: 'verification_email_link',
  // PROTOCOL §3.2: the SAML stub is the only FAPI variant with an external redirect URL.
  enterprise_sso: 'verification_saml',
  admin: 'verification_admin',
}

/** `EmailAddress.verification` from a record (never the code or the link token). */
export function verificationJSON(v: VerificationRecord): VerificationJSON {
  const json: VerificationJSON = {
    object: OBJECT_BY_STRATEGY[v.strategy] ?? 'verification_otp',
    status: v.status,
    strategy: v.strategy,
    attempts: v.attempts,
    expire_at: v.expireAt,
  }
  if (v.strategy === 'enterprise_sso') {
    json.external_verification_redirect_url = v.externalUrl
    json.error = null
  }
  if (v.verifiedAtClient !== null) {
    json.verified_at_client = v.verifiedAtClient
  }
  return json
}

/** Whether an address's domain is one of the instance's enterprise-SSO domains (or a subdomain). */
export function matchesDomain(address: string, domains: string[]): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase()
  return domains.some((d) => {
    const wanted = d.toLowerCase()
    return domain === wanted || domain.endsWith(`.${wanted}`)
  })
}

/** `Client.EmailAddress`. */
export function emailJSON(view: View, email: EmailRecord): EmailAddressJSON {
  return {
    id: email.id,
    object: 'email_address',
    email_address: email.emailAddress,
    reserved: false,
    verification: email.verification ? verificationJSON(email.verification) : null,
    linked_to: email.linkedTo.map((link) => ({ type: link.type, id: link.id })),
    matches_sso_connection: matchesDomain(email.emailAddress, view.state.settings.ssoDomains),
    created_at: email.createdAt,
    updated_at: email.updatedAt,
  }
}

/** The User fields the spec requires that have nothing to do with email addresses: fixed values. */
export const USER_FIELDS_NOT_EMULATED = {
  primary_phone_number_id: null,
  primary_web3_wallet_id: null,
  password_enabled: false,
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  phone_numbers: [],
  web3_wallets: [],
  passkeys: [],
  organization_memberships: [],
  external_accounts: [],
  saml_accounts: [],
  enterprise_accounts: [],
  public_metadata: {},
  unsafe_metadata: {},
  external_id: null,
  banned: false,
  locked: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: 100,
  // The emulator has no `DELETE /v1/me` and no organizations (see environment.ts, `actions`).
  delete_self_enabled: false,
  create_organization_enabled: false,
  mfa_enabled_at: null,
  mfa_disabled_at: null,
  legal_accepted_at: null,
} as const

/** `Client.User` with every required field of the spec. */
export function userJSON(view: View, user: UserRecord): UserJSON {
  const emails = userEmails(view.state, user.id)
  return {
    id: user.id,
    object: 'user',
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: `${view.base}/__emulator/avatar/${user.id}`,
    has_image: false,
    primary_email_address_id: user.primaryEmailAddressId,
    ...USER_FIELDS_NOT_EMULATED,
    unsafe_metadata: user.unsafeMetadata,
    email_addresses: emails.map((e) => emailJSON(view, e)),
    last_sign_in_at: user.createdAt,
    last_active_at: user.updatedAt,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  }
}

/**
 * The Backend API's `User` (SPEC-B `User`, which allows no extra fields): the Frontend one plus the
 * fields only a secret key may read, each with the value a fresh user has.
 * @example bapiUserJSON(view, user).private_metadata // {}
 */
export function bapiUserJSON(view: View, user: UserRecord): UserJSON {
  return {
    ...userJSON(view, user),
    private_metadata: {},
    locale: null,
    deprovisioned: false,
    create_organizations_limit: null,
    password_last_updated_at: null,
    bypass_client_trust: false,
  }
}

/** BAPI `TotalCount` (the answer of the `…/count` endpoints). */
export function totalCountJSON(count: number): { object: 'total_count'; total_count: number } {
  return { object: 'total_count', total_count: count }
}

function base64url(text: string): string {
  return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

/**
 * A session token: an unsigned JWT whose numeric `iat`/`exp` let clerk-js cache it (PROTOCOL §1.12).
 * @example tokenJSON(view, session).jwt.split('.').length // 3
 */
export function tokenJSON(view: View, session: SessionRecord): TokenJSON {
  const iat = Math.floor(view.now / 1000)
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))
  const payload = base64url(
    JSON.stringify({
      iss: view.base,
      sub: session.userId,
      sid: session.id,
      iat,
      nbf: iat - 10,
      exp: iat + TOKEN_LIFETIME_S,
    }),
  )
  return { object: 'token', jwt: `${header}.${payload}.${base64url('unsigned')}` }
}

/** `Client.Session-2` with the full user. */
export function sessionJSON(view: View, session: SessionRecord): SessionJSON {
  const user = view.state.users.get(session.userId)
  const userJson = user ? userJSON(view, user) : null
  const primary = userJson?.email_addresses.find((e) => e.id === userJson.primary_email_address_id)
  return {
    id: session.id,
    object: 'session',
    status: session.status,
    expire_at: session.lastActiveAt + SESSION_LIFETIME_MS,
    abandon_at: session.createdAt + SESSION_ABANDON_MS,
    last_active_at: session.lastActiveAt,
    last_active_token: session.status === 'active' ? tokenJSON(view, session) : null,
    last_active_organization_id: null,
    actor: null,
    tasks: null,
    user: userJson,
    public_user_data: {
      first_name: user?.firstName ?? null,
      last_name: user?.lastName ?? null,
      image_url: userJson?.image_url ?? null,
      has_image: false,
      identifier: primary?.email_address ?? userJson?.email_addresses[0]?.email_address ?? '',
      user_id: session.userId,
    },
    // Minutes since the last first-factor verification; -1 means no second factor.
    factor_verification_age: [
      Math.max(0, Math.floor((view.now - session.reverifiedAt) / 60_000)),
      -1,
    ],
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  }
}

/** `Client.Client-2`: the client with its active sessions, each carrying the full user. */
export function clientJSON(view: View, client: ClientRecord): ClientJSON {
  const sessions = client.sessionIds
    .map((id) => view.state.sessions.get(id))
    .filter((s): s is SessionRecord => s !== undefined && s.status === 'active')
  return {
    object: 'client',
    id: client.id,
    sessions: sessions.map((s) => sessionJSON(view, s)),
    sign_in: null,
    sign_up: null,
    last_active_session_id: client.lastActiveSessionId,
    last_authentication_strategy: null,
    cookie_expires_at: null,
    captcha_bypass: false,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  }
}

/** `DeletedObject` for a removed address. */
export function deletedJSON(id: string): DeletedObjectJSON {
  return { object: 'email_address', id, deleted: true }
}

/**
 * `Client.SessionReverification`: the step-up of `session`, with its user's verified addresses as factors.
 * @example reverificationJSON(view, session).supported_first_factors[0]?.strategy // 'email_code'
 */
export function reverificationJSON(view: View, session: SessionRecord) {
  const record = session.reverification
  const user = view.state.users.get(session.userId)
  const factor = record?.firstFactor ?? null
  const factors = userEmails(view.state, session.userId)
    .filter((e) => e.verification?.status === 'verified')
    .map((e) => ({
      strategy: 'email_code',
      safe_identifier: e.emailAddress,
      email_address_id: e.id,
      primary: e.id === user?.primaryEmailAddressId,
    }))
  return {
    object: 'session_reverification',
    level: record?.level ?? 'first_factor',
    status: record?.status ?? 'needs_first_factor',
    supported_first_factors: factors,
    // No second factors exist in the emulator.
    supported_second_factors: null,
    first_factor_verification: factor
      ? {
          object: 'verification_otp',
          status: factor.status,
          strategy: 'email_code',
          attempts: factor.attempts,
          expire_at: factor.expireAt,
        }
      : null,
    second_factor_verification: null,
    session: sessionJSON(view, session),
  }
}

/**
 * Browser, version and device from a `User-Agent`, coarsely (what Clerk's device list shows).
 * @example describeUserAgent('… (X11; Linux x86_64) … Chrome/156.0.0.0 …') // { browser_name: 'Chrome', browser_version: '156', device_type: 'Linux', is_mobile: false }
 */
export function describeUserAgent(userAgent: string | null | undefined) {
  const ua = userAgent ?? ''
  const browsers: [string, RegExp][] = [
    ['Edge', /Edg\/([\d.]+)/],
    ['Firefox', /Firefox\/([\d.]+)/],
    ['Chrome', /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/],
    ['Safari', /Version\/([\d.]+).*Safari\//],
  ]
  const found = browsers.find(([, pattern]) => pattern.test(ua))
  const devices: [string, RegExp][] = [
    ['iPhone', /iPhone/],
    ['iPad', /iPad/],
    ['Android', /Android/],
    ['Macintosh', /Macintosh/],
    ['Windows', /Windows/],
    ['Linux', /Linux|X11/],
  ]
  return {
    browser_name: found?.[0],
    browser_version: found ? found[1].exec(ua)?.[1]?.split('.')[0] : undefined,
    device_type: devices.find(([, pattern]) => pattern.test(ua))?.[0],
    is_mobile: /Mobi|iPhone|Android/.test(ua),
  }
}

/**
 * `Client.ActiveSession`: the session with its `latest_activity` (for `GET /v1/me/sessions/active`).
 * @example activeSessionJSON(view, session).latest_activity.ip_address // '127.0.0.1'
 */
export function activeSessionJSON(view: View, session: SessionRecord) {
  const { last_active_token: _token, user: _user, ...base } = sessionJSON(view, session)
  return {
    ...base,
    latest_activity: {
      object: 'session_activity',
      id: `sess_activity_${session.id.slice('sess_'.length)}`,
      ...describeUserAgent(session.userAgent),
      // Every client of the emulator is on this machine.
      ip_address: '127.0.0.1',
    },
  }
}

const SSO_CONNECTION_ID = 'ent_2emulatorEnterpriseSso0000'

/**
 * `EnterpriseConnectionResponse` list for `GET /v1/me/enterprise_connections`: the emulated
 * connection of `ssoDomains`, when the user's primary address is verified and on one of them (SPEC-F).
 * @example enterpriseConnectionsJSON(view, user, false).map((c) => c.domains) // [['sso.example']]
 */
export function enterpriseConnectionsJSON(view: View, user: UserRecord, linkableOnly: boolean) {
  const { settings } = view.state
  const primary = user.primaryEmailAddressId
    ? view.state.emails.get(user.primaryEmailAddressId)
    : undefined
  const matches =
    primary?.verification?.status === 'verified' &&
    settings.strategies.includes('enterprise_sso') &&
    matchesDomain(primary.emailAddress, settings.ssoDomains)
  // The emulated connection does not link organization accounts, so a linkable-only list is empty.
  if (!matches || linkableOnly) {
    return []
  }
  const createdAt = view.state.clients.get(view.state.defaultClientId)?.createdAt ?? view.now
  return [
    {
      id: SSO_CONNECTION_ID,
      name: 'Emulated SSO',
      provider: 'saml_custom',
      logo_public_url: null,
      active: true,
      domains: [...settings.ssoDomains],
      sync_user_attributes: true,
      disable_additional_identifications: false,
      allow_organization_account_linking: false,
      authenticatable: true,
      created_at: createdAt,
      updated_at: createdAt,
    },
  ]
}
