'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import { type FapiError, isFapiError } from '../api/fapi-error'
import type { DeleteEmailAddressResult } from '../api/types'
import { type MutationCallbacks, useFapiMutation } from './use-fapi-mutation'
import { withoutEmailAddress } from './user-cache'

/** What `useDeleteEmailAddress().mutate` takes. */
export interface DeleteEmailAddressVariables {
  id: string
}

/**
 * Removes an address. The row disappears at once; if the server refuses it comes back exactly, even
 * while other changes are in flight. If the answer is lost, the server is asked: removed means it no
 * longer knows the id; otherwise the row comes back with `change_not_applied`.
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
      confirmedBy: async ({ id }, user, _before, { client, run }) => {
        if (user.emailAddresses.some((address) => address.id === id)) {
          return { outcome: 'notMade' }
        }
        // Missing from the list is not proof: the parser leaves out an address it cannot read. Only
        // the server saying it does not know the id is.
        try {
          await run(() => client.emailAddresses.get(id))
          return { outcome: 'notMade' }
        } catch (error) {
          if (isFapiError(error) && error.status === 404) {
            return { outcome: 'made', result: { deleted: { id, deleted: true }, user } }
          }
          // An answer we cannot read still says it is there; no answer says nothing.
          return isFapiError(error) && error.code === 'invalid_response'
            ? { outcome: 'notMade' }
            : { outcome: 'unknown' }
        }
      },
    },
    callbacks,
  )
}
