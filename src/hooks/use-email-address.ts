'use client'

import { useQuery } from '@tanstack/react-query'
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
   * Polls the address every this many ms (`GET /v1/me/email_addresses/{id}`), or as a function of the
   * last polled address (return `false` to stop). @defaultValue false
   */
  refetchInterval?: number | false | ((emailAddress: EmailAddress) => number | false)
  /** @defaultValue true */
  enabled?: boolean
}

/** What `useEmailAddress` returns. */
export interface UseEmailAddressResult {
  /** The address; `null` when the user has none with this id; `undefined` while loading. */
  data: EmailAddress | null | undefined
  isPending: boolean
  /** The list's error, else the last poll's. */
  error: FapiError | null
  /** Fetches this one address now. */
  refetch: () => void
}

/**
 * One email address, read from the list the other hooks share (no request of its own when the list is
 * cached). With `refetchInterval` it polls the address, e.g. while an email link waits to be opened;
 * polling stops when the component unmounts.
 *
 * @example
 * const { data: address } = useEmailAddress(id, { refetchInterval: 1000 })
 * if (address?.verification?.status === 'verified') onVerified()
 */
export function useEmailAddress(
  id: string,
  options: UseEmailAddressOptions = {},
): UseEmailAddressResult {
  const { client, scope, queryClient, cache, run } = useEmailAddressesContext()
  const enabled = options.enabled ?? true
  const interval = enabled ? (options.refetchInterval ?? false) : false
  const poll = useQuery<EmailAddress, FapiError>(
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
  const select = useCallback(
    (user: User) => user.emailAddresses.find((address) => address.id === id) ?? null,
    [id],
  )
  const me = useMeQuery(select, enabled)
  const { refetch } = poll
  return {
    data: me.data,
    isPending: me.isPending,
    error: me.error ?? poll.error,
    refetch: useCallback(() => void refetch(), [refetch]),
  }
}
