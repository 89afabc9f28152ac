/**
 * Where FAPI is. Mirrors clerk-js: a publishable key names the host (PROTOCOL.md §1.1), a proxy keeps its
 * own scheme and path (§1.2), and every path sits under `/v1`.
 */
import { clientError } from './fapi-error'

/** How the client finds FAPI: exactly one of these. */
export type FapiLocation =
  | { publishableKey: string; frontendApi?: never; proxyUrl?: never }
  | { frontendApi: string; publishableKey?: never; proxyUrl?: never }
  | { proxyUrl: string; publishableKey?: string; frontendApi?: never }

/** What a publishable key says. */
export interface PublishableKeyInfo {
  /** The FAPI host, e.g. `foo-bar-13.clerk.accounts.dev`. */
  frontendApi: string
  instanceType: 'development' | 'production'
}

const DEV_HOST_SUFFIXES = [
  '.accounts.dev',
  '.accountsstage.dev',
  '.lcl.dev',
  '.stg.dev',
  '.lclstage.dev',
  '.stgstage.dev',
  '.dev.lclclerk.com',
  '.stg.lclclerk.com',
  '.accounts.lclclerk.com',
]

/**
 * Decodes a `pk_test_…` or `pk_live_…` key to its FAPI host, or throws a `FapiError` explaining what is wrong.
 *
 * @example
 * parsePublishableKey('pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk')
 * // { frontendApi: 'foo-bar-13.clerk.accounts.dev', instanceType: 'development' }
 */
export function parsePublishableKey(key: string): PublishableKeyInfo {
  const parts = key.split('_')
  const [prefix, environment, encoded] = parts
  const instanceType =
    environment === 'live' ? 'production' : environment === 'test' ? 'development' : null
  if (parts.length !== 3 || prefix !== 'pk' || !instanceType || !encoded) {
    throw invalidKey('it must look like pk_test_… or pk_live_…')
  }
  let decoded: string
  try {
    decoded = atob(
      encoded
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(encoded.length / 4) * 4, '='),
    )
  } catch {
    throw invalidKey('its last part is not base64')
  }
  const dollar = decoded.indexOf('$')
  if (dollar !== decoded.length - 1 || !decoded.includes('.')) {
    throw invalidKey('it does not decode to a Frontend API host')
  }
  return { frontendApi: decoded.slice(0, -1), instanceType }
}

/** True when FAPI's host is a development or staging one, where clerk-js uses a dev browser (§1.7). */
export function isDevelopmentHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/:\d+$/, '')
  return DEV_HOST_SUFFIXES.some((suffix) => bare.endsWith(suffix))
}

/** The base URL every path is appended to, ending in `/v1`. */
export function resolveFapiBaseUrl(location: FapiLocation, pageOrigin?: string): string {
  if (location.proxyUrl !== undefined) {
    return `${resolveProxyUrl(location.proxyUrl, pageOrigin)}/v1`
  }
  if (location.frontendApi !== undefined) {
    const value = location.frontendApi.trim()
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`)
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}/v1`
  }
  return `https://${parsePublishableKey(location.publishableKey).frontendApi}/v1`
}

/**
 * FAPI's base as a client keeps it: `key` names it in cache keys and channels, `resolve()` gives the
 * absolute URL when a request is sent. They differ only for a relative `proxyUrl` ("/__clerk"),
 * whose key is its path, the same when rendered on a server and in the browser, and which is
 * resolved against the page only when a request goes out (a server render sends none).
 */
export function fapiBase(location: FapiLocation): { key: string; resolve: () => string } {
  const proxy = location.proxyUrl
  if (proxy !== undefined && proxy.startsWith('/')) {
    return { key: `${proxy.replace(/\/+$/, '')}/v1`, resolve: () => resolveFapiBaseUrl(location) }
  }
  const absolute = resolveFapiBaseUrl(location)
  return { key: absolute, resolve: () => absolute }
}

/** The FAPI host that decides whether a dev browser is needed: the key's when there is one (§1.12). */
export function developmentHostOf(location: FapiLocation): string | null {
  if (location.publishableKey !== undefined) {
    return parsePublishableKey(location.publishableKey).frontendApi
  }
  if (location.frontendApi !== undefined) {
    return new URL(resolveFapiBaseUrl(location)).host
  }
  return null
}

function resolveProxyUrl(proxyUrl: string, pageOrigin: string | undefined): string {
  if (/^https?:\/\//i.test(proxyUrl)) {
    return proxyUrl.replace(/\/+$/, '')
  }
  const origin = pageOrigin ?? (typeof window === 'undefined' ? undefined : window.location.origin)
  if (!proxyUrl.startsWith('/') || !origin) {
    throw clientError(
      0,
      'invalid_proxy_url',
      `proxyUrl "${proxyUrl}" must be an absolute http(s) URL, or a path starting with "/" in a browser.`,
    )
  }
  return new URL(proxyUrl, origin).href.replace(/\/+$/, '')
}

function invalidKey(reason: string) {
  return clientError(0, 'invalid_publishable_key', `The publishable key is not valid: ${reason}.`)
}
