/**
 * What the adapter reads from, and hands to, the loaded Clerk instance: where FAPI is, the dev-browser
 * token, clerk-js's reverification modal, and clerk-js's own client update.
 */
import type { LoadedClerk } from '@clerk/react/types'
import { readClerkCookie } from '../api/dev-browser'
import type { FapiLocation } from '../api/fapi-url'
import type { ReverificationRequest } from '../hooks/email-addresses-provider'

/**
 * FAPI's location as the Clerk instance uses it: its `proxyUrl` when set, else its `frontendApi`.
 *
 * @example
 * const client = createFapiClient({ ...fapiLocationOf(clerk), getSessionId: () => clerk.session?.id })
 */
export function fapiLocationOf(clerk: LoadedClerk): FapiLocation {
  const proxyUrl = typeof clerk.proxyUrl === 'string' ? clerk.proxyUrl : ''
  return proxyUrl ? { proxyUrl } : { frontendApi: clerk.frontendApi }
}

/**
 * The dev-browser token clerk-js holds, on development instances. clerk-js 6 keeps it private, but
 * `buildUrlWithAuth` (public) appends it to any cross-origin URL as `__clerk_db_jwt`; if that throws
 * (no token yet), the `__clerk_db_jwt` cookie clerk-js writes on the app's host is the same token.
 * `null` on production instances, which identify the browser by FAPI's `__client` cookie instead.
 *
 * @example
 * createFapiClient({ frontendApi: clerk.frontendApi, getDevBrowserToken: () => devBrowserTokenOf(clerk) })
 */
export function devBrowserTokenOf(clerk: LoadedClerk): string | null {
  if (clerk.instanceType !== 'development') {
    return null
  }
  try {
    const url = new URL(clerk.buildUrlWithAuth('https://dev-browser.invalid/'))
    const token = url.searchParams.get('__clerk_db_jwt')
    if (token) {
      return token
    }
  } catch {
    // Fall through to the cookie.
  }
  return readClerkCookie()
}

/**
 * Opens Clerk's own reverification modal (what `useReverification` does) and resolves our request
 * from it. Headless clerk-js has no UI and throws; the call then fails with the original error.
 *
 * @example
 * <EmailAddressesProvider onReverificationRequired={(request) => openClerkReverification(clerk, request)} … />
 */
export function openClerkReverification(clerk: LoadedClerk, request: ReverificationRequest): void {
  try {
    clerk.__internal_openReverification({
      afterVerification: request.complete,
      afterVerificationCancelled: request.cancel,
    })
  } catch {
    request.cancel()
  }
}

/** The parts of clerk-js's `Clerk` and `Client` classes the typed interface leaves out. */
interface ClerkJsInternals {
  client?: { fromJSON?: (json: unknown) => unknown }
  updateClient?: (client: unknown) => void
  user?: { reload?: () => Promise<unknown> } | null
}

/** `@clerk/react`'s `useClerk()` is an IsomorphicClerk wrapping clerk-js as `clerkjs`; else it is clerk-js. */
function clerkJsOf(clerk: LoadedClerk): ClerkJsInternals {
  const wrapped: unknown = Reflect.get(clerk, 'clerkjs')
  return (typeof wrapped === 'object' && wrapped !== null ? wrapped : clerk) as ClerkJsInternals
}

/**
 * Hands a client snapshot from one of our FAPI answers to clerk-js, exactly as its own resources do
 * after every mutation (`Client.fromJSON` + `clerk.updateClient`, PROTOCOL §1.9): no request, and
 * clerk-js notifies its listeners (`useUser`, `<UserProfile/>`). If a future clerk-js hides those,
 * `user.reload()` is the public fallback, at one `GET /v1/me`. Returns how it was done.
 *
 * @example
 * const { client } = await (await fetch(`${fapi}/v1/me?…`, { credentials: 'include' })).json()
 * pushClientToClerk(clerk, client) // clerk.user now matches
 */
export function pushClientToClerk(
  clerk: LoadedClerk,
  clientJson: unknown,
): 'updated' | 'reloaded' | 'none' {
  const clerkJs = clerkJsOf(clerk)
  const { client, updateClient } = clerkJs
  if (client && typeof client.fromJSON === 'function' && typeof updateClient === 'function') {
    updateClient.call(clerkJs, client.fromJSON(clientJson))
    return 'updated'
  }
  if (typeof clerkJs.user?.reload === 'function') {
    void clerkJs.user.reload().catch(() => undefined)
    return 'reloaded'
  }
  return 'none'
}
