'use client'

import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FapiError } from '../api/fapi-error'
import type { User } from '../api/types'
import { useEmailAddressesContext } from './email-addresses-provider'
import { keepUnchanged } from './keep-unchanged'
import { emailAddressKeys } from './query-keys'
import { type EmailAddressesData, toEmailAddressesData } from './sort-email-addresses'

/** Options of `useEmailAddresses`. */
export interface UseEmailAddressesOptions<TData = EmailAddressesData> {
  /** Picks part of the data; the component re-renders only when that part changes. */
  select?: (data: EmailAddressesData) => TData
  /** Set `false` to wait (e.g. until the session is known). @defaultValue true */
  enabled?: boolean
}

/** Fresh for 30 s: other tabs and this tab's mutations keep it current without refetching. */
const STALE_TIME_MS = 30_000

/**
 * The signed-in user's email addresses and primary address, from one `GET /v1/me` shared by every
 * component that asks. Mutations keep it current from their answers, without refetching.
 *
 * `data.emailAddresses` is sorted as people expect: primary, then verified, then pending (soonest
 * expiry first), then never prepared.
 *
 * @example
 * function PrimaryEmail() {
 *   const { data, isPending, error } = useEmailAddresses()
 *   if (isPending) return <p>Loading…</p>
 *   if (error) return <p>Could not load your email addresses.</p>
 *   return <p>{data.primaryEmailAddress?.emailAddress}</p>
 * }
 *
 * // Re-render only when the count changes:
 * const { data: count } = useEmailAddresses({ select: (data) => data.emailAddresses.length })
 */
export function useEmailAddresses<TData = EmailAddressesData>(
  options: UseEmailAddressesOptions<TData> = {},
): UseQueryResult<TData, FapiError> {
  const { select } = options
  const selectUser = useCallback(
    (user: User) => {
      const data = toEmailAddressesData(user)
      return select ? select(data) : (data as TData)
    },
    [select],
  )
  return useMeQuery(selectUser, options.enabled)
}

/** The `me` query with `select`, shared by the hooks that read the user. */
export function useMeQuery<TData>(
  select: (user: User) => TData,
  enabled = true,
  refetchInterval: number | false = false,
): UseQueryResult<TData, FapiError> {
  const { client, scope, queryClient, cache, run } = useEmailAddressesContext()
  return useQuery(
    {
      queryKey: emailAddressKeys.me(scope),
      queryFn: async () => cache.receive((await run(() => client.me.get())).user),
      select,
      enabled,
      staleTime: STALE_TIME_MS,
      retry: false,
      refetchInterval,
      structuralSharing: keepUnchanged,
    },
    queryClient,
  )
}
