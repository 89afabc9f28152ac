'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddress, EmailAddressResult } from '../api/types'
import { type MutationCallbacks, useFapiMutation } from './use-fapi-mutation'
import { withEmailAddress } from './user-cache'

/** What `useCreateEmailAddress().mutate` takes. */
export interface CreateEmailAddressVariables {
  emailAddress: string
}

/**
 * Adds an unverified address to the user (`POST /v1/me/email_addresses`); it sends nothing yet. The
 * new address appears in `useEmailAddresses` from the answer itself, with no refetch. Not optimistic:
 * only the server knows whether the address is free.
 *
 * @example
 * const create = useCreateEmailAddress()
 * create.mutate(
 *   { emailAddress: 'jane@example.com' },
 *   { onSuccess: ({ emailAddress }) => prepare.mutate({ id: emailAddress.id, strategy: 'email_code' }) },
 * )
 * // create.error?.fieldErrors.emailAddress → show under the input
 */
export function useCreateEmailAddress(
  callbacks?: MutationCallbacks<EmailAddressResult, CreateEmailAddressVariables>,
): UseMutationResult<EmailAddressResult, FapiError, CreateEmailAddressVariables, unknown> {
  return useFapiMutation(
    {
      action: 'create',
      call: ({ client }, { emailAddress }) => client.emailAddresses.create({ emailAddress }),
      userOf: (result, current) =>
        result.user ?? (current && withEmailAddress(current, result.emailAddress)),
      intentOf: ({ emailAddress }) => `create:${emailAddress.trim().toLowerCase()}`,
      // Made if the address is there now and was not before; the add flow then goes on to verify it.
      confirmedBy: ({ emailAddress }, user, before) => {
        const wanted = emailAddress.trim().toLowerCase()
        const isWanted = (address: EmailAddress) => address.emailAddress.toLowerCase() === wanted
        const existed = before?.emailAddresses.some(isWanted) ?? false
        const created = user.emailAddresses.find(isWanted)
        return created && !existed
          ? { outcome: 'made', result: { emailAddress: created, user } }
          : { outcome: 'notMade' }
      },
    },
    callbacks,
  )
}
