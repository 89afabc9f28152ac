'use client'

import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddress, User } from '../api/types'
import { useEmailAddressesContext } from './email-addresses-provider'
import { emailAddressKeys } from './query-keys'
import { useMeQuery } from './use-email-addresses'
import { withEmailAddress } from './user-cache'

/** Options of `useEmailAddress`. */
export interface UseEmailAddressOptions {
  /**
   * Polls the address every this many ms (`GET /v1/me/email_addresses/{id}`, as clerk-js does), or as
   * a function of the last polled address (return `false` to stop). @defaultValue false
   */
  refetchInterval?: number | false | ((emailAddress: EmailAddress) => number | false)
  /** @defaultValue true */
  enabled?: boolean
}

/**
 * One email address, read from the `me` query the other hooks share (no request of its own when the
 * list is cached), as a TanStack `UseQueryResult`: `data` is the address, `null` when the user has none
 * with this id. With `refetchInterval` it polls the address, e.g. while an email link waits to be
 * opened; polling stops on unmount and at the first failed poll, which shows as the result's `error`
 * (the address stays in `data`), and `refetch()` polls again.
 *
 * @example
 * const { data: address } = useEmailAddress(id, { refetchInterval: 1000 })
 * if (address?.verification?.status === 'verified') onVerified()
 */
export function useEmailAddress(
  id: string,
  options: UseEmailAddressOptions = {},
): UseQueryResult<EmailAddress | null, FapiError> {
  const enabled = options.enabled ?? true
  const select = useCallback(
    (user: User) => user.emailAddresses.find((address) => address.id === id) ?? null,
    [id],
  )
  const me = useMeQuery(select, enabled)
  const poll = usePoll(id, enabled ? (options.refetchInterval ?? false) : false)
  if (!poll.error || me.error) {
    return me
  }
  // Like a failed background refetch: the data stays, the error says the last poll failed.
  return {
    ...me,
    error: poll.error,
    isError: true,
    isRefetchError: true,
    isSuccess: false,
    status: 'error',
    refetch: poll.refetch as unknown as typeof me.refetch,
  } as UseQueryResult<EmailAddress | null, FapiError>
}

/** Polls one address and writes each answer's user into the cache, telling other tabs of changes. */
function usePoll(id: string, interval: UseEmailAddressOptions['refetchInterval']) {
  const { client, scope, queryClient, cache, run } = useEmailAddressesContext()
  return useQuery<EmailAddress, FapiError>(
    {
      queryKey: emailAddressKeys.detail(scope, id),
      queryFn: async () => {
        const { emailAddress, user } = await run(() => client.emailAddresses.get(id))
        const current = cache.current()
        const before = current?.emailAddresses.find((address) => address.id === id)
        const next = user ?? (current ? withEmailAddress(current, emailAddress) : null)
        if (next) {
          // Tell other tabs only when something a person would see changed (e.g. the link was opened).
          const changed = before?.verification?.status !== emailAddress.verification?.status
          cache.confirm(next, { broadcast: changed })
        }
        return emailAddress
      },
      enabled: interval !== false,
      // Like clerk-js's poller, stop at the first failed request; `refetch()` starts again.
      refetchInterval: (query) => {
        if (query.state.error) {
          return false
        }
        if (typeof interval === 'function') {
          return query.state.data ? interval(query.state.data) : false
        }
        return interval
      },
      refetchIntervalInBackground: true,
      retry: false,
      gcTime: 0,
    },
    queryClient,
  )
}
