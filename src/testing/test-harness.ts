/**
 * Test support (not exported): runs the same test against `emulator.fetch` in-process and against
 * the HTTP server on 127.0.0.1, and sends requests the way clerk-js does (POST + `_method`, forms).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { ClerkErrorJSON, ClientJSON, UserJSON } from '../api/wire-types'
import { createFapiEmulator, type EmulatorOptions, type FapiEmulator } from './emulator'
import { type EmulatorServer, startEmulatorServer } from './http-server'

/** How a test reaches the emulator. */
export type Transport = 'in-process' | 'http'

/** Both transports, for `describe.each`. */
export const TRANSPORTS: Transport[] = ['in-process', 'http']

/** A request in test terms. */
export interface CallOptions {
  form?: Record<string, string>
  json?: unknown
  query?: Record<string, string>
  headers?: Record<string, string>
  /** Send the verb as is instead of POST + `_method` (non-browser clients). */
  realVerb?: boolean
}

/** A parsed answer. */
export interface Called<T = unknown> {
  status: number
  headers: Headers
  body: T
  /** `errors[0]` of an error body. */
  error: ClerkErrorJSON
  /** `client` of a success envelope, or `meta.client` of an error. */
  client: ClientJSON | null
  /** The signed-in user inside `client`. */
  user: UserJSON | null
}

/** The harness a test uses. */
export interface Harness {
  readonly emulator: FapiEmulator
  readonly base: string
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<Called<T>>
}

function toRequest(base: string, method: string, path: string, options: CallOptions): Request {
  const url = new URL(path, base)
  url.searchParams.set('__clerk_api_version', '2026-05-12')
  for (const [key, value] of Object.entries(options.query ?? {})) {
    url.searchParams.set(key, value)
  }
  const verb = method.toUpperCase()
  let wire = verb
  if (!options.realVerb && verb !== 'GET' && verb !== 'POST') {
    url.searchParams.set('_method', verb)
    wire = 'POST'
  }
  const headers = new Headers(options.headers)
  let body: string | undefined
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(options.json)
  } else if (wire !== 'GET') {
    headers.set('content-type', 'application/x-www-form-urlencoded')
    body = new URLSearchParams(options.form ?? {}).toString()
  }
  return new Request(url, { method: wire, headers, body })
}

/** Parses any emulator response into a `Called`. */
export async function parse<T>(response: Response): Promise<Called<T>> {
  const text = await response.text()
  const body = (text === '' ? null : JSON.parse(text)) as T
  const record = (body ?? {}) as {
    errors?: ClerkErrorJSON[]
    client?: ClientJSON | null
    meta?: { client?: ClientJSON | null }
  }
  const client = record.client ?? record.meta?.client ?? null
  const session = client?.sessions.find((s) => s.id === client.last_active_session_id)
  return {
    status: response.status,
    headers: response.headers,
    body,
    error: record.errors?.[0] ?? { code: '', message: '', long_message: '' },
    client,
    user: session?.user ?? null,
  }
}

/**
 * Registers the lifecycle hooks for one transport: a fresh emulator state before each test, and for
 * `http` a server on 127.0.0.1 (port 0) closed after the suite.
 */
export function useHarness(transport: Transport, options: EmulatorOptions = {}): Harness {
  const emulator = createFapiEmulator(options)
  let server: EmulatorServer | null = null
  beforeAll(async () => {
    if (transport === 'http') {
      server = await startEmulatorServer({ port: 0, emulator })
    }
  })
  afterAll(async () => {
    await server?.close()
  })
  beforeEach(() => {
    emulator.reset()
  })
  const harness: Harness = {
    emulator,
    get base() {
      return server?.url ?? 'http://fapi.test'
    },
    async call<T>(method: string, path: string, callOptions: CallOptions = {}) {
      const request = toRequest(harness.base, method, path, callOptions)
      const response = server ? await fetch(request) : await emulator.fetch(request)
      return parse<T>(response)
    },
  }
  return harness
}
