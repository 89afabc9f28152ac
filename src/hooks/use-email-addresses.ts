'use client'

import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FapiError } from '../api/fapi-error'
import type { User } from '../api/types'
import { useEmailAddressesContext } from './email-addresses-provider'
import { emailAddressQueries } from './email-address-queries'
import { applyPending } from './scope-hub'
import { usePendingChanges } from './use-pending-changes'
import { type EmailAddressesData, toEmailAddressesData } from './sort-email-addresses'

/** Options of `useEmailAddresses`. */
export interface UseEmailAddressesOptions<TData = EmailAddressesData> {
  /** Picks part of the data; the component re-renders only when that part changes. */
  select?: (data: EmailAddressesData) => TData
  /** Set `false` to wait (e.g. until the session is known). @defaultValue true */
  enabled?: boolean
}

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

/**
 * The `me` query as the hooks read it: `emailAddressQueries.me`, with the scope's pending optimistic
 * changes laid over the cached user before `select`, so they show in the render that made them.
 */
export function useMeQuery<TData>(
  select: (user: User) => TData,
  enabled = true,
): UseQueryResult<TData, FapiError> {
  const { client, scope, queryClient } = useEmailAddressesContext()
  const changes = usePendingChanges()
  const overlaid = useCallback(
    (user: User) => select(changes.length === 0 ? user : applyPending(user, changes)),
    [select, changes],
  )
  return useQuery<User, FapiError, TData>(
    { ...emailAddressQueries.me(client, scope), select: overlaid, enabled },
    queryClient,
  )
}
