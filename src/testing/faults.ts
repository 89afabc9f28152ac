/**
 * Injected faults: for the next N requests matching a method and a path, answer an error status or a
 * raw body, wait, hold the request until the clock moves or a release, or drop the connection, before
 * or after the request is carried out, so clients can be tested against a failing FAPI and against
 * answers lost after the server acted.
 */
import { ApiError } from './http'
import type { FaultSpec } from './types'

/** A queued fault with its remaining uses. */
export interface PendingFault {
  spec: FaultSpec
  remaining: number
}

/**
 * Thrown (as a rejected `fetch`) when a fault drops the connection; like a network error it is a
 * `TypeError`. The msw handlers answer `HttpResponse.error()`. The HTTP server resets the socket: at
 * once before the change, but after it (`answer` is set) only once the answer's status line, headers
 * and half its body are out, because Chromium silently sends a request again when a kept-alive
 * connection closes before any answer byte, and a change made twice is not what a test asked for.
 */
export class DroppedConnectionError extends TypeError {
  constructor(
    path: string,
    /** The answer the change got, of which the HTTP server sends the start (after-commit drops). */
    readonly answer: Response | null = null,
  ) {
    super(`emulator dropped the connection to ${path} (injected fault)`)
    this.name = 'DroppedConnectionError'
  }
}

/** Requests held by a `holdMs` fault until the emulator's clock reaches their time, or a release. */
export interface HeldRequests {
  /** Resolves once the clock is `ms` past now, or on `releaseAll`; rejects on `dropAll`. */
  hold(ms: number, path: string): Promise<void>
  /** Lets the held requests whose time has come go on (the clock moved). */
  releaseDue(): void
  /** Lets every held request go on now; returns how many there were. */
  releaseAll(): number
  /** Drops every held request, as a reset does: each rejects with `DroppedConnectionError`. */
  dropAll(): void
}

interface Held {
  due: number
  path: string
  release(): void
  drop(error: DroppedConnectionError): void
}

/** The held requests of one emulator, timed by its clock (`now`). */
export function createHeldRequests(now: () => number): HeldRequests {
  const held = new Set<Held>()
  const settle = (entry: Held, how: (entry: Held) => void) => {
    if (held.delete(entry)) {
      how(entry)
    }
  }
  return {
    hold(ms, path) {
      return new Promise<void>((resolve, reject) => {
        const entry: Held = { due: now() + ms, path, release: resolve, drop: reject }
        held.add(entry)
        // A clock that runs on its own gets there by itself: look again when it should have. A frozen
        // clock has not moved when the timer fires; only `advance` (releaseDue) or a release helps.
        const wake = (armedAt: number) => {
          const timer = setTimeout(
            () => {
              const time = now()
              if (time >= entry.due) {
                settle(entry, (e) => e.release())
              } else if (time > armedAt && held.has(entry)) {
                wake(time)
              }
            },
            Math.max(0, entry.due - armedAt),
          )
          // Never keep a Node process alive for a request nobody will release.
          ;(timer as { unref?: () => void }).unref?.()
        }
        wake(now())
      })
    },
    releaseDue() {
      const time = now()
      for (const entry of [...held]) {
        if (time >= entry.due) {
          settle(entry, (e) => e.release())
        }
      }
    },
    releaseAll() {
      const count = held.size
      for (const entry of [...held]) {
        settle(entry, (e) => e.release())
      }
      return count
    },
    dropAll() {
      for (const entry of [...held]) {
        settle(entry, (e) => e.drop(new DroppedConnectionError(e.path)))
      }
    },
  }
}

const CODE_BY_STATUS: Record<number, [string, string]> = {
  400: ['request_invalid', 'The request was invalid.'],
  401: ['authentication_invalid', 'Unable to authenticate the request.'],
  403: ['authorization_invalid', 'You are not authorized to perform this request.'],
  404: ['resource_not_found', 'Resource not found'],
  422: ['form_param_value_invalid', 'A parameter was invalid.'],
  429: ['too_many_requests', 'Too many requests. Please try again later.'],
  500: ['internal_clerk_error', 'Oops, an unexpected error occurred'],
  503: ['maintenance_mode', 'The service is under maintenance. Please try again later.'],
}

/** The error a status fault answers, with `Retry-After: <retryAfter>` (a 429's default is 1). */
export function faultError(spec: FaultSpec): ApiError {
  const status = spec.status ?? 500
  const [defaultCode, long] = CODE_BY_STATUS[status] ?? ['internal_clerk_error', 'Injected fault']
  const retryAfter = spec.retryAfter ?? (status === 429 ? 1 : undefined)
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }
  return new ApiError(status, spec.code ?? defaultCode, long, long, {}, headers)
}

function pathMatches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) {
    return path.startsWith(pattern.slice(0, -1))
  }
  const exact = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern
  return exact === path
}

/** Takes one use of the first fault matching the request (real or logical verb), if any. */
export function takeFault(
  faults: PendingFault[],
  methods: string[],
  path: string,
): FaultSpec | null {
  const index = faults.findIndex((f) => {
    const method = (f.spec.method ?? '*').toUpperCase()
    return (method === '*' || methods.includes(method)) && pathMatches(f.spec.path, path)
  })
  const found = faults[index]
  if (!found) {
    return null
  }
  found.remaining -= 1
  if (found.remaining <= 0) {
    faults.splice(index, 1)
  }
  return found.spec
}

/**
 * Validates unknown JSON as a `FaultSpec` (for `POST /__emulator/faults`), or throws an `Error`.
 * @example parseFault({ path: '/v1/me/email_addresses', status: 503, times: 2 })
 */
export function parseFault(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('a fault must be a JSON object')
  }
  const f = value as Record<string, unknown>
  if (typeof f.path !== 'string' || !f.path.startsWith('/')) {
    throw new Error('fault.path must be a path starting with "/"')
  }
  for (const key of ['times', 'status', 'delayMs', 'holdMs', 'retryAfter'] as const) {
    const n = f[key]
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 0)) {
      throw new Error(`fault.${key} must be a non-negative integer`)
    }
  }
  if (typeof f.status === 'number' && (f.status < 400 || f.status > 599)) {
    if (f.body === undefined || f.status < 200 || f.status > 599) {
      throw new Error('fault.status must be between 400 and 599 (200 and 599 with a body)')
    }
  }
  for (const key of ['method', 'code', 'body', 'contentType'] as const) {
    if (f[key] !== undefined && typeof f[key] !== 'string') {
      throw new Error(`fault.${key} must be a string`)
    }
  }
  for (const key of ['drop', 'afterCommit'] as const) {
    if (f[key] !== undefined && typeof f[key] !== 'boolean') {
      throw new Error(`fault.${key} must be a boolean`)
    }
  }
  return f as unknown as FaultSpec
}
