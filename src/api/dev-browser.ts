/**
 * The development-instance "dev browser" (PROTOCOL.md §1.7): a token that stands in for the `__client`
 * cookie, sent as the `__clerk_db_jwt` query parameter, rotated by the `Clerk-Db-Jwt` answer header, and
 * replaced after `401 dev_browser_unauthenticated`.
 */
import { clientError } from './fapi-error'

/** Where a token comes from, in order: the caller, memory, the page's clerk-js cookie, then FAPI. */
export interface DevBrowser {
  /** The token for the next request (creating one if needed), or `null` on production instances. */
  token(): Promise<string | null>
  /** Takes a rotated token from an answer's `Clerk-Db-Jwt` header. */
  rotate(token: string): void
  /** Forgets the token after `dev_browser_unauthenticated`; true if a fresh one can be created. */
  reset(): boolean
}

interface DevBrowserOptions {
  enabled: boolean
  /** FAPI's absolute base URL, read when a dev browser is created. */
  baseUrl: () => string
  apiVersion: string
  fetch: typeof fetch
  getDevBrowserToken?: () => string | null | undefined | Promise<string | null | undefined>
}

/** Creates the token keeper for one client. */
export function createDevBrowser(options: DevBrowserOptions): DevBrowser {
  const supplied = options.getDevBrowserToken
  if (supplied) {
    return {
      token: async () => (await supplied()) ?? null,
      rotate: () => {},
      reset: () => false,
    }
  }
  if (!options.enabled) {
    return { token: async () => null, rotate: () => {}, reset: () => false }
  }

  let current: string | null = readClerkCookie()
  let creating: Promise<string> | null = null

  const create = async (): Promise<string> => {
    const url = `${options.baseUrl()}/dev_browser?__clerk_api_version=${options.apiVersion}`
    // clerk-js sends this one without credentials and without a body (§1.7, §1.12).
    const response = await options.fetch(url, { method: 'POST' }).catch((cause: unknown) => {
      throw clientError(
        0,
        'network_error',
        'Could not reach Clerk to start a development session.',
        {
          cause,
        },
      )
    })
    const body: unknown = await response.json().catch(() => null)
    const id = typeof body === 'object' && body !== null && 'id' in body ? body.id : undefined
    if (!response.ok || typeof id !== 'string' || id === '') {
      throw clientError(
        response.status,
        'dev_browser_failed',
        'Clerk refused to start a development session.',
      )
    }
    return id
  }

  return {
    async token() {
      if (current) {
        return current
      }
      creating ??= create().finally(() => {
        creating = null
      })
      current = await creating
      return current
    },
    rotate(token) {
      current = token
    },
    reset() {
      current = null
      return true
    },
  }
}

/**
 * clerk-js keeps its token in a cookie on the app's domain; reuse it so both share one client.
 *
 * @example
 * const token = readClerkCookie() // the `__clerk_db_jwt_…` cookie's value, or null
 */
export function readClerkCookie(): string | null {
  if (typeof document === 'undefined') {
    return null
  }
  const cookies = document.cookie.split(/;\s*/).map((pair) => pair.split('='))
  const match =
    cookies.find(([name]) => name?.startsWith('__clerk_db_jwt_')) ??
    cookies.find(([name]) => name === '__clerk_db_jwt')
  return match?.[1] ? decodeURIComponent(match[1]) : null
}
