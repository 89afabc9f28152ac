import { queryOptions } from '@tanstack/react-query'
import type { FapiClient } from '../api/fapi-client'
import type { User } from '../api/types'
import { keepUnchanged } from './keep-unchanged'
import { type EmailAddressesScope, emailAddressKeys } from './query-keys'

/** The scope of a client's data: its FAPI and its current session. */
export function scopeOf(client: FapiClient): EmailAddressesScope {
  return { baseUrl: client.baseUrl, sessionId: client.getSessionId() }
}

/**
 * `queryOptions` for this library's queries, so apps can prefetch on the server, seed the cache from
 * SSR, read it, or invalidate it with fully typed keys.
 *
 * The query functions do not pass TanStack's `signal` to `fetch`: StrictMode's simulated unmount would
 * cancel the first request and send a second one (DESIGN.md, data flow).
 *
 * @example
 * const client = createFapiClient({ frontendApi, sessionId })
 * await queryClient.prefetchQuery(emailAddressQueries.me(client))
 * const user = queryClient.getQueryData(emailAddressQueries.me(client).queryKey) // User | undefined
 */
export const emailAddressQueries = {
  /** The signed-in user with every address and the primary id, from one `GET /v1/me`. */
  me: (client: FapiClient) =>
    queryOptions<User>({
      queryKey: emailAddressKeys.me(scopeOf(client)),
      queryFn: async () => (await client.me.get()).user,
      structuralSharing: keepUnchanged,
    }),
}
