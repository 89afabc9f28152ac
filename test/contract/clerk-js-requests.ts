/**
 * Requests exactly as clerk-js 6.x puts them on the wire (PROTOCOL §1.3–§1.5, §1.12): only GET and
 * POST, the logical verb in `_method`, form-urlencoded bodies (also when empty), the query parameters
 * in clerk-js's order with `__clerk_db_jwt` last, and `_clerk_session_id` only on `/me…` paths.
 * Written here, independently of both the client in src/api and the emulator. Sign-out is
 * `{ method: 'DELETE', path: '/client/sessions' }` (what `clerk.signOut()` sends; test/clerk watches it do so).
 */

/** What one clerk-js call needs. */
export interface ClerkJsCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  body?: Record<string, string | null>
  search?: Record<string, string>
}

/** The browser-side identity clerk-js keeps: its dev-browser token and the current session. */
export interface ClerkJsIdentity {
  base: string
  devBrowser: string | null
  sessionId: string | null
  origin?: string
}

/** Encodes a body like clerk-js: `null` becomes an empty value. */
export function encodeForm(body: Record<string, string | null>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) {
    params.append(key, value ?? '')
  }
  return params.toString()
}

/**
 * Builds the `Request` clerk-js would send.
 * @example clerkJsRequest(identity, { method: 'DELETE', path: '/me/email_addresses/idn_…' })
 */
export function clerkJsRequest(identity: ClerkJsIdentity, call: ClerkJsCall): Request {
  const url = new URL(`${identity.base}/v1${call.path}`)
  for (const [key, value] of Object.entries(call.search ?? {})) {
    url.searchParams.append(key, value)
  }
  url.searchParams.append('__clerk_api_version', '2026-08-20')
  url.searchParams.append('_clerk_js_version', '6.40.0')
  if (call.method !== 'GET' && call.method !== 'POST') {
    url.searchParams.append('_method', call.method)
  }
  if (identity.sessionId && call.path.startsWith('/me')) {
    url.searchParams.append('_clerk_session_id', identity.sessionId)
  }
  if (identity.devBrowser) {
    url.searchParams.append('__clerk_db_jwt', identity.devBrowser)
  }
  const wire = call.method === 'GET' ? 'GET' : 'POST'
  const headers = new Headers()
  if (identity.origin) {
    headers.set('origin', identity.origin)
  }
  // Cookies clerk-js writes on the app's host reach a same-host emulator and must be ignored.
  headers.set(
    'cookie',
    '__session=eyJ.fake.jwt; __client_uat=1755199800; __clerk_db_jwt_Xy12=stale',
  )
  if (wire === 'POST') {
    headers.set('content-type', 'application/x-www-form-urlencoded')
  }
  const body = wire === 'POST' ? encodeForm(call.body ?? {}) : undefined
  return new Request(url, { method: wire, headers, body, credentials: 'include' })
}

/** `POST /v1/dev_browser` as clerk-js sends it: plain fetch, no body, no content type. */
export function devBrowserRequest(base: string): Request {
  const url = new URL(`${base}/v1/dev_browser`)
  url.searchParams.append('__clerk_api_version', '2026-08-20')
  url.searchParams.append('_clerk_js_version', '6.40.0')
  return new Request(url, { method: 'POST' })
}
