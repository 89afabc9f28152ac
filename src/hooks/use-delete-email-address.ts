'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import type { FapiError } from '../api/fapi-error'
import type { DeleteEmailAddressResult } from '../api/types'
import { type MutationCallbacks, useFapiMutation } from './use-fapi-mutation'
import { withoutEmailAddress } from './user-cache'

/** What `useDeleteEmailAddress().mutate` takes. */
export interface DeleteEmailAddressVariables {
  id: string
}

/**
 * Removes an address. The row disappears at once; if the server refuses (or the connection drops) it
 * comes back exactly, even while other changes are in flight.
 *
 * @example
 * const remove = useDeleteEmailAddress({ onError: () => toast('Could not remove the address') })
 * <button onClick={() => remove.mutate({ id: address.id })}>Remove</button>
 */
export function useDeleteEmailAddress(
  callbacks?: MutationCallbacks<DeleteEmailAddressResult, DeleteEmailAddressVariables>,
): UseMutationResult<DeleteEmailAddressResult, FapiError, DeleteEmailAddressVariables, unknown> {
  return useFapiMutation(
    {
      action: 'delete',
      call: ({ client }, { id }) => client.emailAddresses.delete(id),
      userOf: (result, current) =>
        result.user ?? (current && withoutEmailAddress(current, result.deleted.id)),
      optimistic: ({ id }) => ({ id, apply: (user) => withoutEmailAddress(user, id) }),
      intentOf: ({ id }) => `delete:${id}`,
      confirmedBy: ({ id }, user) =>
        user.emailAddresses.some((address) => address.id === id)
          ? null
          : { deleted: { id, deleted: true }, user },
    },
    callbacks,
  )
}
