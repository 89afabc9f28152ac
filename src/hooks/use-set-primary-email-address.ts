'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import type { FapiError } from '../api/fapi-error'
import type { UserResult } from '../api/types'
import { type MutationCallbacks, useFapiMutation } from './use-fapi-mutation'

/** What `useSetPrimaryEmailAddress().mutate` takes. */
export interface SetPrimaryEmailAddressVariables {
  id: string
}

/**
 * Makes a verified address the primary one (`PATCH /v1/me`). The badge moves at once and moves back
 * exactly if the server refuses. Wrap it with `onReverificationRequired` on the provider: Clerk may ask
 * for a fresh sign-in first.
 *
 * @example
 * const setPrimary = useSetPrimaryEmailAddress()
 * <button disabled={!isVerified} onClick={() => setPrimary.mutate({ id: address.id })}>Make primary</button>
 */
export function useSetPrimaryEmailAddress(
  callbacks?: MutationCallbacks<UserResult, SetPrimaryEmailAddressVariables>,
): UseMutationResult<UserResult, FapiError, SetPrimaryEmailAddressVariables, unknown> {
  return useFapiMutation(
    {
      action: 'setPrimary',
      call: ({ client }, { id }) => client.me.update({ primaryEmailAddressId: id }),
      userOf: (result) => result.user,
      optimistic: ({ id }) => ({ id, apply: (user) => ({ ...user, primaryEmailAddressId: id }) }),
      intentOf: ({ id }) => `setPrimary:${id}`,
      confirmedBy: ({ id }, user) =>
        user.primaryEmailAddressId === id
          ? { outcome: 'made', result: { user } }
          : { outcome: 'notMade' },
    },
    callbacks,
  )
}
