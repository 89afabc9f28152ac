/**
 * Builds the emulator's in-memory state from a seed: users, their addresses, and one client with an
 * active session for the first user (so a first demo is signed in without any sign-in flow).
 */
import { newId } from './ids'
import type {
  EmailRecord,
  EmulatorSeed,
  EmulatorState,
  InstanceSettings,
  SeedEmailAddress,
  SeedUser,
  UserRecord,
  VerificationRecord,
} from './types'

/** The instance settings used when a seed leaves a field out. */
export const DEFAULT_SETTINGS: InstanceSettings = {
  // A fresh Clerk instance verifies added addresses by code: "By default, the verification method
  // that is enabled is email verification code" (Clerk docs, "Build a custom flow for adding an
  // email to a user's account", https://clerk.com/docs/custom-flows/add-email); links must be
  // switched on in the Dashboard. Clerk's UI sends a link whenever the environment lists
  // `email_link` (PROTOCOL §2.4), so listing it by default made every Clerk UI test a link test.
  // `enterprise_sso` stays: it only applies to addresses on `ssoDomains`, which a fresh instance has none of.
  strategies: ['email_code', 'enterprise_sso'],
  codeLength: 6,
  codeLifetimeMs: 10 * 60_000,
  linkLifetimeMs: 10 * 60_000,
  maxAttempts: 3,
  resendThrottleMs: 30_000,
  testMode: true,
  reverificationRequired: [],
  reverificationMaxAgeMs: 10 * 60_000,
  ssoDomains: [],
  blockedDomains: [],
  maxUnverified: 5,
  allowedOrigins: [],
  apiVersions: [],
}

/** The default BAPI secret key. */
export const DEFAULT_SECRET_KEY = 'sk_test_emulator'

/** The user signed in when no seed names one: Jane Doe with one verified, primary address. */
export const DEFAULT_SEED_USER: SeedUser = {
  first_name: 'Jane',
  last_name: 'Doe',
  email_addresses: ['jane@example.com'],
}

/** Lower-cases and trims an address, as Clerk stores them. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase()
}

function seedAddress(seed: SeedEmailAddress) {
  return typeof seed === 'string' ? { email_address: seed, verified: true } : seed
}

function addSeedUser(state: EmulatorState, seed: SeedUser, now: number): UserRecord {
  const user: UserRecord = {
    id: seed.id ?? newId('user'),
    firstName: seed.first_name ?? null,
    lastName: seed.last_name ?? null,
    username: seed.username ?? null,
    primaryEmailAddressId: null,
    unsafeMetadata: {},
    createdAt: now,
    updatedAt: now,
  }
  state.users.set(user.id, user)
  for (const [index, entry] of seed.email_addresses.entries()) {
    const address = seedAddress(entry)
    // One millisecond apart, in seed order, so "sorted by age" is the order the seed lists them.
    const createdAt = now - seed.email_addresses.length + index
    const verified = address.verified !== false
    const email: EmailRecord = {
      id: address.id ?? newId('idn'),
      userId: user.id,
      emailAddress: normalizeEmail(address.email_address),
      // Seeded verified addresses look like BAPI-created ones; unverified ones were never prepared.
      verification: verified ? adminVerification('verified') : null,
      linkedTo: (address.linked_to ?? []).map((link) => ({
        type: link.type,
        id: link.id ?? newId(link.type === 'saml' ? 'samlc' : 'eac'),
      })),
      createdAt,
      updatedAt: createdAt,
    }
    state.emails.set(email.id, email)
    const first = user.primaryEmailAddressId === null
    if (address.primary === true || (first && verified)) {
      user.primaryEmailAddressId = email.id
    }
  }
  return user
}

/** A verification set by an administrator (BAPI or seed): no code, no expiry. */
export function adminVerification(status: 'verified' | 'unverified'): VerificationRecord {
  return {
    strategy: 'admin',
    status,
    attempts: null,
    expireAt: null,
    preparedAt: null,
    code: null,
    linkToken: null,
    redirectUrl: null,
    externalUrl: null,
    verifiedAtClient: null,
  }
}

/**
 * Builds a fresh state. The first seeded user gets the default client's active session; every
 * other user is signed in on a client of their own.
 * @example buildState({ users: [{ email_addresses: ['a@example.com'] }] }, Date.now())
 */
export function buildState(seed: EmulatorSeed, now: number): EmulatorState {
  const state: EmulatorState = {
    settings: { ...DEFAULT_SETTINGS, ...seed.settings },
    strict: seed.strict ?? false,
    secretKey: seed.secretKey ?? DEFAULT_SECRET_KEY,
    users: new Map(),
    emails: new Map(),
    sessions: new Map(),
    clients: new Map(),
    devBrowsers: new Map(),
    linkTokens: new Map(),
    outbox: [],
    requests: [],
    defaultClientId: newId('client'),
    environment: seed.environment ?? {},
  }
  const users = seed.users && seed.users.length > 0 ? seed.users : [DEFAULT_SEED_USER]
  users.forEach((seedUser, index) => {
    const user = addSeedUser(state, seedUser, now)
    // The first user is signed in on the default client; the others elsewhere, each on a client of
    // their own, so "another user's session" is a real case to test.
    const clientId = index === 0 ? state.defaultClientId : newId('client')
    signIn(state, clientId, user.id, seedUser.session_id ?? newId('sess'), now)
  })
  return state
}

function signIn(
  state: EmulatorState,
  clientId: string,
  userId: string,
  sessionId: string,
  now: number,
) {
  state.clients.set(clientId, {
    id: clientId,
    sessionIds: [sessionId],
    lastActiveSessionId: sessionId,
    createdAt: now,
    updatedAt: now,
  })
  state.sessions.set(sessionId, {
    id: sessionId,
    userId,
    clientId,
    status: 'active',
    lastActiveAt: now,
    // Signed in a day ago, so reverification-required actions start out required.
    reverifiedAt: now - 24 * 3_600_000,
    reverification: null,
    userAgent: null,
    createdAt: now,
    updatedAt: now,
  })
}

/** The addresses of a user, in creation order (PROTOCOL §7.18). */
export function userEmails(state: EmulatorState, userId: string): EmailRecord[] {
  const out: EmailRecord[] = []
  for (const email of state.emails.values()) {
    if (email.userId === userId) {
      out.push(email)
    }
  }
  return out
}

/** Whether an address is verified. */
export function isVerified(email: EmailRecord): boolean {
  return email.verification?.status === 'verified'
}
