'use client'

import type { FapiClient } from '../api/fapi-client'
import { useEmailAddressesContext } from './email-addresses-provider'

/**
 * The provider's FAPI client, for what the other hooks do not cover: prefetching or reading the
 * cache with `emailAddressQueries.me(client)`, building keys with `scopeOf(client)`, or calling FAPI
 * directly. It is the same object for the provider's lifetime.
 *
 * @example
 * const client = useFapiClient()
 * const queryClient = useQueryClient()
 * // After changing addresses through another channel:
 * void queryClient.invalidateQueries({ queryKey: emailAddressKeys.all(scopeOf(client)) })
 */
export function useFapiClient(): FapiClient {
  return useEmailAddressesContext().client
}
