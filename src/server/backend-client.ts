/**
 * The Backend API email-address operations (PROTOCOL.md §6.2): create, get, update and delete, as
 * Clerk's backend SDKs document them, with camelCase in and out and the FAPI client's `FapiError`.
 */
import { parseOrThrow, schemas, toEmailAddress } from '../api/parse'
import type { EmailAddress } from '../api/types'
import { assertNotBrowser, assertSecretKey } from './guard'
import { resolveRetryConfig, type RetryClock, type RetryConfig, systemClock } from './retry'
import { type BackendRequest, sendBackendRequest, type TransportContext } from './transport'

/** The `Clerk-API-Version` this client was written against (the BAPI spec of that date). */
const BAPI_API_VERSION = '2026-05-12'

/** Options of `createBackendClient`. */
export interface BackendClientOptions {
  /** Your instance's secret key (`sk_test_…` or `sk_live_…`). Never ship it to a browser. */
  secretKey: string
  /** The Backend API's origin, without `/v1` (a trailing `/v1` is tolerated). @defaultValue `'https://api.clerk.com'` */
  apiUrl?: string
  /** Sent as `Clerk-API-Version`. @defaultValue `'2026-05-12'` */
  apiVersion?: string
  /** A `fetch` to use instead of the global one (instrumentation, a proxy agent, tests). */
  fetch?: typeof fetch
  /** How every call retries, unless the call says otherwise. Fields left out keep `DEFAULT_RETRY_CONFIG`. */
  retries?: RetryConfig
  /** Replaces the clock and the jitter of the retry loop, so tests can check spacing without waiting. */
  clock?: Partial<RetryClock>
  /**
   * Lets the client start where `window` and `document` exist. Only for tests under jsdom or happy-dom
   * with a test key: in a real browser this hands your secret key to every visitor.
   */
  dangerouslyAllowBrowser?: boolean
}

/** Per-call options. */
export interface BackendRequestOptions {
  /** Aborts the request and any retry or wait; the call then rejects with the signal's reason. */
  signal?: AbortSignal
  /** Overrides the client's retries for this call, field by field. */
  retries?: RetryConfig
}

/** Parameters of `emailAddresses.create`. */
export interface CreateEmailAddressParams {
  /** The user (`user_…`) who gets the address. */
  userId: string
  emailAddress: string
  /** Marks the address verified (strategy `admin`), so no code is needed. @defaultValue `false` */
  verified?: boolean | null
  /** Makes it the primary address. @defaultValue `false`, unless it is the user's first address */
  primary?: boolean | null
  /** When it becomes primary, tells the previous primary address. @defaultValue `false` */
  notifyPrimaryEmailAddressChanged?: boolean | null
}

/** Parameters of `emailAddresses.update`. Left out means unchanged. */
export interface UpdateEmailAddressParams {
  verified?: boolean | null
  primary?: boolean | null
  notifyPrimaryEmailAddressChanged?: boolean | null
}

/** What `emailAddresses.delete` answers. */
export interface DeletedEmailAddress {
  id: string
  deleted: boolean
}

/** `client.emailAddresses`: any user's addresses, by id. */
export interface BackendEmailAddressesApi {
  /** Adds an address to a user (`POST /v1/email_addresses`). Not retried once it may have reached the server. */
  create(params: CreateEmailAddressParams, options?: BackendRequestOptions): Promise<EmailAddress>
  /** One address (`GET /v1/email_addresses/{id}`). */
  get(id: string, options?: BackendRequestOptions): Promise<EmailAddress>
  /** Marks an address verified or unverified, or makes it primary (`PATCH /v1/email_addresses/{id}`). */
  update(
    id: string,
    params: UpdateEmailAddressParams,
    options?: BackendRequestOptions,
  ): Promise<EmailAddress>
  /**
   * Removes an address (`DELETE /v1/email_addresses/{id}`). If a retry follows a lost answer, the first
   * try may already have deleted it: the call then fails with `resource_not_found`.
   */
  delete(id: string, options?: BackendRequestOptions): Promise<DeletedEmailAddress>
}

/** A Backend API client. */
export interface BackendClient {
  /** The base URL requests go to, ending in `/v1`. */
  readonly baseUrl: string
  readonly emailAddresses: BackendEmailAddressesApi
}

/**
 * Creates a Backend API client. Server-only: it throws in a browser and with a publishable key.
 *
 * @example
 * // A route handler or server action
 * const clerk = createBackendClient({ secretKey: process.env.CLERK_SECRET_KEY! })
 * const address = await clerk.emailAddresses.create({ userId, emailAddress: 'ops@example.com' })
 * await clerk.emailAddresses.update(address.id, { verified: true, primary: true })
 *
 * @example
 * // End-to-end test set-up: seed a verified primary address, then sign in with it
 * const clerk = createBackendClient({ secretKey: 'sk_test_…', apiUrl: emulatorUrl })
 * await clerk.emailAddresses.create({
 *   userId: 'user_…',
 *   emailAddress: 'jane+clerk_test@example.com',
 *   verified: true,
 *   primary: true,
 * })
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  assertNotBrowser(options.dangerouslyAllowBrowser)
  assertSecretKey(options.secretKey)
  const baseUrl = toBaseUrl(options.apiUrl ?? 'https://api.clerk.com')
  const context: TransportContext = {
    baseUrl,
    secretKey: options.secretKey,
    apiVersion: options.apiVersion ?? BAPI_API_VERSION,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock: { ...systemClock, ...options.clock },
  }
  const send = async (
    request: Omit<BackendRequest, 'retries' | 'signal'>,
    callOptions: BackendRequestOptions = {},
  ) =>
    sendBackendRequest(context, {
      ...request,
      retries: resolveRetryConfig(options.retries, callOptions.retries),
      signal: callOptions.signal,
    })
  const path = (id: string) => {
    if (typeof id !== 'string' || id === '') {
      throw new TypeError('The email address id must be a non-empty string (idn_…).')
    }
    return `/email_addresses/${encodeURIComponent(id)}`
  }
  const readEmailAddress = ({ status, body }: { status: number; body: unknown }) =>
    toEmailAddress(parseOrThrow(schemas.emailAddress, body, status))

  return {
    baseUrl,
    emailAddresses: {
      async create(params, callOptions) {
        const body = {
          user_id: params.userId,
          email_address: params.emailAddress,
          verified: params.verified,
          primary: params.primary,
          notify_primary_email_address_changed: params.notifyPrimaryEmailAddressChanged,
        }
        const answer = await send(
          { method: 'POST', path: '/email_addresses', body, idempotent: false },
          callOptions,
        )
        return readEmailAddress(answer)
      },
      async get(id, callOptions) {
        return readEmailAddress(
          await send({ method: 'GET', path: path(id), idempotent: true }, callOptions),
        )
      },
      async update(id, params, callOptions) {
        const body = {
          verified: params.verified,
          primary: params.primary,
          notify_primary_email_address_changed: params.notifyPrimaryEmailAddressChanged,
        }
        const answer = await send(
          { method: 'PATCH', path: path(id), body, idempotent: true },
          callOptions,
        )
        return readEmailAddress(answer)
      },
      async delete(id, callOptions) {
        const answer = await send(
          { method: 'DELETE', path: path(id), idempotent: true },
          callOptions,
        )
        const deleted = parseOrThrow(schemas.deletedObject, answer.body, answer.status)
        return { id: deleted.id ?? id, deleted: deleted.deleted }
      },
    },
  }
}

/** `https://api.clerk.com`, `…/`, `…/v1` and `…/v1/` all mean `https://api.clerk.com/v1`. */
function toBaseUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`
}
