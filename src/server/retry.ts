/**
 * The Backend API client's retry policy, in the terms of Clerk's Speakeasy-generated SDKs (PROTOCOL.md
 * §6.3, `clerk-backend-api`'s `utils/retries.py`): a `backoff` strategy, `retryConnectionErrors` and
 * the `statusCodes` to retry. Unlike them, it never repeats a request that is not idempotent
 * (`create`) once the server may have seen it, unless told to: a retried create after a 5xx, a timeout
 * or a dropped connection can add the address twice. docs/server.md's table lists every difference.
 */
import { sleep as realSleep } from '../api/retry'

/** A status code to retry: exact (`'429'`, `'503'`) or a class (`'5XX'`). */
export type StatusCodePattern = `${number}` | '4XX' | '5XX'

/** Exponential backoff: wait `initialIntervalMs × exponent^n` plus up to 1 s of jitter, at most `maxIntervalMs`. */
export interface BackoffStrategy {
  /** The first wait, before jitter. */
  initialIntervalMs: number
  /** No single wait is longer (except one a `Retry-After` asks for). */
  maxIntervalMs: number
  /** How much each wait grows. */
  exponent: number
  /** No retry starts a wait that would end later than this, counted from the first attempt. */
  maxElapsedTimeMs: number
}

/**
 * How a call retries. Every field is optional: what is left out comes from the client's, then the defaults.
 *
 * @example
 * // A client that gives up sooner; one call that never retries; one create that may repeat on a 503
 * const clerk = createBackendClient({ secretKey, retries: { backoff: { maxElapsedTimeMs: 10_000 } } })
 * await clerk.emailAddresses.get(id, { retries: { strategy: 'none' } })
 * await clerk.emailAddresses.create(params, {
 *   retries: { statusCodes: ['503'], retryNonIdempotent: true },
 * })
 */
export interface RetryConfig {
  /** `'backoff'` retries; `'none'` sends each request once. */
  strategy?: 'backoff' | 'none'
  backoff?: Partial<BackoffStrategy>
  /** Retry when no answer arrived (refused, reset, DNS failure). */
  retryConnectionErrors?: boolean
  /** The answers to retry. A `Retry-After` header on them sets the wait. */
  statusCodes?: readonly StatusCodePattern[]
  /**
   * Also apply `statusCodes` and `retryConnectionErrors` to `create` once the request may have reached
   * the server. Without it a create is retried only when its connection was refused (or its host did not
   * resolve), because a 5xx, a 429 or a dropped connection does not prove the address was not added.
   * With it, a retried create may add the address twice, or fail with `form_identifier_exists`.
   */
  retryNonIdempotent?: boolean
}

/** A `RetryConfig` with every field filled in. */
export interface ResolvedRetryConfig {
  strategy: 'backoff' | 'none'
  backoff: BackoffStrategy
  retryConnectionErrors: boolean
  statusCodes: readonly StatusCodePattern[]
  retryNonIdempotent: boolean
}

/**
 * The defaults: the seed SDK's backoff (500 ms × 1.5^n + jitter, at most 60 s apart), but giving up after
 * a minute rather than an hour, since a server action or a test set-up that waits longer helps no one.
 *
 * @example
 * createBackendClient({ secretKey, retries: { ...DEFAULT_RETRY_CONFIG, retryConnectionErrors: false } })
 */
export const DEFAULT_RETRY_CONFIG: Readonly<ResolvedRetryConfig> = Object.freeze({
  strategy: 'backoff',
  backoff: Object.freeze({
    initialIntervalMs: 500,
    maxIntervalMs: 60_000,
    exponent: 1.5,
    maxElapsedTimeMs: 60_000,
  }),
  retryConnectionErrors: true,
  statusCodes: Object.freeze(['5XX', '429'] as const),
  retryNonIdempotent: false,
})

/**
 * How long one attempt may wait for its answer unless told otherwise: 30 s. Clerk's SDKs disagree:
 * the Go SDK gives a whole request 5 s (`clerk.go`, `defaultHTTPTimeout`), the generated Python SDK
 * none of its own (httpx's 5 s per connect, read or write), the C# one .NET's 100 s, and
 * `@clerk/backend` none at all. 5 s turns a slow create that did succeed into an ambiguous failure
 * too often; none lets a stuck GET hold a request handler forever. The timeout is per attempt, like
 * the seed's `timeout_ms`; retries have their own limit (`backoff.maxElapsedTimeMs`).
 * @example
 * const clerk = createBackendClient({ secretKey, timeoutMs: DEFAULT_TIMEOUT_MS / 3 })
 * await clerk.users.get(userId, { timeoutMs: 2_000 }) // this call only
 */
export const DEFAULT_TIMEOUT_MS = 30_000

/** Merges configs, later ones winning field by field (`backoff` too). */
export function resolveRetryConfig(...configs: (RetryConfig | undefined)[]): ResolvedRetryConfig {
  let resolved: ResolvedRetryConfig = { ...DEFAULT_RETRY_CONFIG }
  for (const config of configs) {
    if (config) {
      resolved = {
        strategy: config.strategy ?? resolved.strategy,
        backoff: mergeBackoff(resolved.backoff, config.backoff),
        retryConnectionErrors: config.retryConnectionErrors ?? resolved.retryConnectionErrors,
        statusCodes: config.statusCodes ?? resolved.statusCodes,
        retryNonIdempotent: config.retryNonIdempotent ?? resolved.retryNonIdempotent,
      }
    }
  }
  return resolved
}

/** Time as the retry loop sees it; tests pass a fake one to check counts and spacing without waiting. */
export interface RetryClock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** A number in [0, 1) for the jitter. */
  random(): number
  /** Calls `fire` after `ms` (a request's timeout), unless the returned function cancels it first. */
  startTimer(ms: number, fire: () => void): () => void
}

/** The real clock. */
export const systemClock: RetryClock = {
  now: () => Date.now(),
  sleep: realSleep,
  random: () => Math.random(),
  startTimer(ms, fire) {
    const timer = setTimeout(fire, ms)
    return () => clearTimeout(timer)
  },
}

/** Why an attempt failed, as far as retrying goes. */
export type AttemptFailure =
  | { kind: 'status'; status: number; retryAfterMs: number | null; error: unknown }
  | { kind: 'connection'; mayHaveReachedServer: boolean; error: unknown }

/** What one attempt gives: a value, a failure the policy may retry, or (thrown) a permanent error. */
export type AttemptResult<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure }

/** Whether the policy retries `failure` of an operation that is (or is not) idempotent. */
export function isRetryable(
  failure: AttemptFailure,
  config: ResolvedRetryConfig,
  idempotent: boolean,
): boolean {
  if (config.strategy !== 'backoff') {
    return false
  }
  const mayRepeat = idempotent || config.retryNonIdempotent
  if (failure.kind === 'connection') {
    return config.retryConnectionErrors && (mayRepeat || !failure.mayHaveReachedServer)
  }
  return mayRepeat && matchesStatus(failure.status, config.statusCodes)
}

/** True when `status` matches one of `patterns` (`'5XX'` is 500-599). */
export function matchesStatus(status: number, patterns: readonly StatusCodePattern[]): boolean {
  return patterns.some((pattern) =>
    /^\dXX$/i.test(pattern)
      ? Math.floor(status / 100) === Number(pattern[0])
      : Number(pattern) === status,
  )
}

/** The wait before retry `n` (0-based), as the seed SDK computes it: `initial × exponent^n + jitter`, capped. */
export function backoffDelay(n: number, backoff: BackoffStrategy, random: number): number {
  return Math.min(
    backoff.initialIntervalMs * backoff.exponent ** n + random * 1000,
    backoff.maxIntervalMs,
  )
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the policy gives up; then throws the last error.
 * An abort rejects at once with the signal's reason, also in the middle of a wait.
 */
export async function withRetries<T>(
  attempt: () => Promise<AttemptResult<T>>,
  options: {
    config: ResolvedRetryConfig
    idempotent: boolean
    clock: RetryClock
    signal?: AbortSignal | undefined
  },
): Promise<T> {
  const { config, clock, signal } = options
  const start = clock.now()
  for (let retry = 0; ; retry += 1) {
    signal?.throwIfAborted()
    const result = await attempt()
    if (result.ok) {
      return result.value
    }
    const { failure } = result
    if (!isRetryable(failure, config, options.idempotent)) {
      throw failure.error
    }
    const delay =
      failure.kind === 'status' && failure.retryAfterMs !== null
        ? failure.retryAfterMs
        : backoffDelay(retry, config.backoff, clock.random())
    // Waiting past the deadline only to give up later helps no one: give up now.
    if (clock.now() - start + delay > config.backoff.maxElapsedTimeMs) {
      throw failure.error
    }
    await clock.sleep(delay, signal)
  }
}

function mergeBackoff(base: BackoffStrategy, next: Partial<BackoffStrategy> = {}): BackoffStrategy {
  return {
    initialIntervalMs: next.initialIntervalMs ?? base.initialIntervalMs,
    maxIntervalMs: next.maxIntervalMs ?? base.maxIntervalMs,
    exponent: next.exponent ?? base.exponent,
    maxElapsedTimeMs: next.maxElapsedTimeMs ?? base.maxElapsedTimeMs,
  }
}
