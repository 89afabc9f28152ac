import { queryOptions } from '@tanstack/react-query'
import type { FapiClient } from '../api/fapi-client'
import type { FapiError } from '../api/fapi-error'
import type { User } from '../api/types'
import { keepUnchanged } from './keep-unchanged'
import { type EmailAddressesScope, emailAddressKeys } from './query-keys'

/**
 * The scope of a client's data: its FAPI and its current session.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: emailAddressKeys.all(scopeOf(client)) })
 */
export function scopeOf(client: FapiClient): EmailAddressesScope {
  return { baseUrl: client.baseUrl, sessionId: client.getSessionId() }
}

/**
 * `queryOptions` for this library's queries: the one definition every hook spreads, so apps can
 * prefetch on the server, hydrate, read or invalidate exactly what the hooks use.
 *
 * - Fresh for 30 s: mutations, other tabs and polls keep it current without refetching.
 * - No retry on top of the client's own (it retries GETs that never reached the server).
 * - The query function does not pass TanStack's `signal` to `fetch`: StrictMode's simulated unmount
 *   would cancel the first request and send a second one (DESIGN.md, data flow).
 * - Structural sharing pairs addresses by id, so an unchanged row keeps its object.
 *
 * @example
 * // On the server: prefetch, then hand the cache to the browser.
 * const client = createFapiClient({ frontendApi, sessionId, fetch })
 * await queryClient.prefetchQuery(emailAddressQueries.me(client))
 * return <HydrationBoundary state={dehydrate(queryClient)}><Settings /></HydrationBoundary>
 *
 * // Anywhere: read what the hooks show.
 * const user = queryClient.getQueryData(emailAddressQueries.me(client).queryKey) // User | undefined
 */
export const emailAddressQueries = {
  /**
   * The signed-in user with every address and the primary id, from one `GET /v1/me`. `scope` defaults
   * to the client's current session.
   */
  me: (client: FapiClient, scope: EmailAddressesScope = scopeOf(client)) =>
    queryOptions<User, FapiError>({
      queryKey: emailAddressKeys.me(scope),
      queryFn: async () => (await client.me.get()).user,
      staleTime: 30_000,
      retry: false,
      structuralSharing: keepUnchanged,
    }),
}
