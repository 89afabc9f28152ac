/**
 * The Backend API operations (PROTOCOL.md §6.2): email addresses (create, get, update, delete) and
 * users (get, list, count), as Clerk's backend SDKs document them, with camelCase in and out and
 * `BackendApiError` for every failure.
 */
import { parseWith, schemas, toEmailAddress, toUser } from '../api/parse'
import type { EmailAddress, User } from '../api/types'
import * as z from 'zod/mini'
import { clientFailure } from './errors'
import { assertNotBrowser, assertSecretKey } from './guard'
import {
  DEFAULT_TIMEOUT_MS,
  resolveRetryConfig,
  type RetryClock,
  type RetryConfig,
  systemClock,
} from './retry'
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
  /**
   * Milliseconds each attempt may wait for its whole answer; 0 turns the timeout off. A create that
   * times out may still have been applied (`BackendApiError.mayHaveReachedServer`), so it is not
   * retried. @defaultValue 30000 (`DEFAULT_TIMEOUT_MS`)
   */
  timeoutMs?: number
  /** Replaces the clock, the jitter and the timeout timer, so tests can check them without waiting. */
  clock?: Partial<RetryClock>
  /**
   * Lets the client start where `window` and `document` exist. Only for tests under jsdom or happy-dom
   * with a test key: in a real browser this hands your secret key to every visitor.
   */
  dangerouslyAllowBrowser?: boolean
}

/** Per-call options. */
export interface BackendRequestOptions {
  /**
   * Aborts the request and any retry or wait; the call then rejects with the signal's reason. An
   * aborted create (or update, or delete) may still have been applied, if the request had left.
   */
  signal?: AbortSignal
  /** Overrides the client's retries for this call, field by field. */
  retries?: RetryConfig
  /** Overrides the client's `timeoutMs` for this call (each attempt); 0 turns it off. */
  timeoutMs?: number
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

/** What a delete answers: Clerk's `DeletedObject`, as the seed SDK and `@clerk/backend` return it. */
export interface DeletedObject {
  /** The kind of the deleted resource, e.g. `'email_address'`. */
  object: string
  id: string
  /** Set for resources deleted by slug; `null` for email addresses. */
  slug: string | null
  deleted: boolean
}

/** Filters of `users.list` and `users.count` (several values of one filter match any of them). */
export interface UserListParams {
  /** Users with any of these addresses (at most 100). */
  emailAddress?: readonly string[]
  /** Users with these ids (at most 100). */
  userId?: readonly string[]
}

/** `users.list` adds paging and order. */
export interface UserListPageParams extends UserListParams {
  /** 1 to 500. @defaultValue 10 */
  limit?: number
  /** @defaultValue 0 */
  offset?: number
  /** e.g. `'-created_at'` (newest first, the default) or `'+created_at'`. */
  orderBy?: string
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
  delete(id: string, options?: BackendRequestOptions): Promise<DeletedObject>
}

/** `client.users`: read a user, or find users by address, to check what an email change did. */
export interface BackendUsersApi {
  /** One user (`GET /v1/users/{id}`), with every address and the primary id. */
  get(userId: string, options?: BackendRequestOptions): Promise<User>
  /** Users matching the filters (`GET /v1/users`), newest first unless `orderBy` says otherwise. */
  list(params?: UserListPageParams, options?: BackendRequestOptions): Promise<User[]>
  /** How many users match the filters (`GET /v1/users/count`). */
  count(params?: UserListParams, options?: BackendRequestOptions): Promise<number>
}

/** A Backend API client. */
export interface BackendClient {
  /** The base URL requests go to, ending in `/v1`. */
  readonly baseUrl: string
  readonly emailAddresses: BackendEmailAddressesApi
  readonly users: BackendUsersApi
}

/**
 * Creates a Backend API client. Server-only: it throws in a browser and with a publishable key.
 *
 * @example
 * // A route handler or server action
 * const clerk = createBackendClient({ secretKey: process.env.CLERK_SECRET_KEY! })
 * const address = await clerk.emailAddresses.create({ userId, emailAddress: 'ops@example.com' })
 * await clerk.emailAddresses.update(address.id, { verified: true, primary: true })
 * const [owner] = await clerk.users.list({ emailAddress: ['ops@example.com'] })
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
  const timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const context: TransportContext = {
    baseUrl,
    secretKey: options.secretKey,
    apiVersion: options.apiVersion ?? BAPI_API_VERSION,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock: { ...systemClock, ...options.clock },
  }
  const send = async (
    request: Omit<BackendRequest, 'retries' | 'signal' | 'timeoutMs'>,
    callOptions: BackendRequestOptions = {},
  ) =>
    sendBackendRequest(context, {
      ...request,
      retries: resolveRetryConfig(options.retries, callOptions.retries),
      timeoutMs:
        callOptions.timeoutMs === undefined ? timeoutMs : checkTimeout(callOptions.timeoutMs),
      signal: callOptions.signal,
    })
  const idPath = (base: string, id: string, what: string) => {
    if (typeof id !== 'string' || id === '') {
      throw new TypeError(`The ${what} id must be a non-empty string.`)
    }
    return `${base}/${encodeURIComponent(id)}`
  }
  const path = (id: string) => idPath('/email_addresses', id, 'email address (idn_…)')
  const readEmailAddress = ({ status, body }: { status: number; body: unknown }) =>
    toEmailAddress(parseAnswer(schemas.emailAddress, body, status))

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
        const deleted = parseAnswer(schemas.deletedObject, answer.body, answer.status)
        const extra = answer.body as { object?: unknown; slug?: unknown }
        return {
          object: typeof extra.object === 'string' ? extra.object : 'email_address',
          id: deleted.id ?? id,
          slug: typeof extra.slug === 'string' ? extra.slug : null,
          deleted: deleted.deleted,
        }
      },
    },
    users: {
      async get(userId, callOptions) {
        const answer = await send(
          { method: 'GET', path: idPath('/users', userId, 'user (user_…)'), idempotent: true },
          callOptions,
        )
        return toUser(parseAnswer(schemas.user, answer.body, answer.status))
      },
      async list(params = {}, callOptions) {
        const query = listQuery(params)
        for (const [name, value] of [
          ['limit', params.limit],
          ['offset', params.offset],
        ] as const) {
          if (value !== undefined) {
            query.append(name, String(value))
          }
        }
        if (params.orderBy !== undefined) {
          query.append('order_by', params.orderBy)
        }
        const answer = await send(
          { method: 'GET', path: withQuery('/users', query), idempotent: true },
          callOptions,
        )
        return parseAnswer(userList, answer.body, answer.status).map((user) => toUser(user))
      },
      async count(params = {}, callOptions) {
        const answer = await send(
          { method: 'GET', path: withQuery('/users/count', listQuery(params)), idempotent: true },
          callOptions,
        )
        return parseAnswer(totalCount, answer.body, answer.status).total_count
      },
    },
  }
}

const userList = z.array(schemas.user)
const totalCount = z.object({ total_count: z.number() })

/** Parses a 2xx body, or throws `BackendApiError` (`invalid_response`) naming the first bad field. */
function parseAnswer<T>(schema: z.ZodMiniType<T>, value: unknown, status: number): T {
  return parseWith(schema, value, (where, cause) =>
    clientFailure(
      'invalid_response',
      status,
      'invalid_response',
      `Unexpected answer from the Backend API at "${where}".`,
      { cause },
    ),
  )
}

function listQuery(params: UserListParams): URLSearchParams {
  const query = new URLSearchParams()
  for (const address of params.emailAddress ?? []) {
    query.append('email_address', address)
  }
  for (const id of params.userId ?? []) {
    query.append('user_id', id)
  }
  return query
}

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString()
  return text === '' ? path : `${path}?${text}`
}

function checkTimeout(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`timeoutMs must be a number of milliseconds (0 for none), got ${value}.`)
  }
  return value
}

/** `https://api.clerk.com`, `…/`, `…/v1` and `…/v1/` all mean `https://api.clerk.com/v1`. */
function toBaseUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`
}
