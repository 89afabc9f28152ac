/**
 * Our hooks → clerk-js: every FAPI answer carries the caller's full client (`client`, or `meta.client`
 * on errors). A `fetch` wrapper reads it from a clone of the answer and hands it to clerk-js, so
 * clerk-js's `user` shows our change with no extra request.
 */
import type { LoadedClerk } from '@clerk/react/types'
import { pushClientToClerk } from './clerk-instance'

/**
 * The client snapshot in a FAPI body, as clerk-js finds it (`Client.ts`: `client || meta.client`).
 *
 * @example
 * clientSnapshotOf({ response: user, client }) // client
 * clientSnapshotOf({ errors, meta: { client } }) // client
 */
export function clientSnapshotOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) {
    return undefined
  }
  const client: unknown = Reflect.get(body, 'client')
  if (typeof client === 'object' && client !== null) {
    return client
  }
  const meta: unknown = Reflect.get(body, 'meta')
  const metaClient: unknown =
    typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'client') : undefined
  return typeof metaClient === 'object' && metaClient !== null ? metaClient : undefined
}

/**
 * Wraps `fetch` so each FAPI answer's client also updates clerk-js. GETs included: our `GET /v1/me`
 * and link polling are what clerk-js's `reload()` does, and clerk-js applies those clients too.
 *
 * @example
 * const client = createFapiClient({ proxyUrl, fetch: createClerkFetch(clerk) })
 */
export function createClerkFetch(clerk: LoadedClerk, baseFetch?: typeof fetch): typeof fetch {
  const send = baseFetch ?? ((input, init) => globalThis.fetch(input, init))
  return async (input, init) => {
    const response = await send(input, init)
    if (response.status !== 204) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined)
      const snapshot = clientSnapshotOf(body)
      if (snapshot !== undefined) {
        pushClientToClerk(clerk, snapshot)
      }
    }
    return response
  }
}
