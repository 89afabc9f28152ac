'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddressResult } from '../api/types'
import { type MutationCallbacks, useFapiMutation } from './use-fapi-mutation'
import { withEmailAddress } from './user-cache'

/** What `useAttemptEmailAddressVerification().mutate` takes. */
export interface AttemptEmailAddressVerificationVariables {
  id: string
  code: string
}

/**
 * Checks a code. Resolves only when the server accepted it; the address then shows as verified
 * everywhere. A wrong code rejects with `form_code_incorrect` (on `error.fieldErrors.code`), and the
 * counted attempt from the error's client is written into the cache too.
 *
 * @example
 * const attempt = useAttemptEmailAddressVerification()
 * attempt.mutate({ id, code }, { onSuccess: () => setStep('done') })
 * // attempt.error?.code: 'form_code_incorrect' | 'verification_expired' | 'verification_failed' | …
 */
export function useAttemptEmailAddressVerification(
  callbacks?: MutationCallbacks<EmailAddressResult, AttemptEmailAddressVerificationVariables>,
): UseMutationResult<
  EmailAddressResult,
  FapiError,
  AttemptEmailAddressVerificationVariables,
  unknown
> {
  return useFapiMutation(
    {
      action: 'attemptVerification',
      call: ({ client }, { id, code }) => client.emailAddresses.attemptVerification(id, { code }),
      userOf: (result, current) =>
        result.user ?? (current && withEmailAddress(current, result.emailAddress)),
      intentOf: ({ id, code }) => `attempt:${id}:${code}`,
      confirmedBy: ({ id }, user) => {
        const address = user.emailAddresses.find((candidate) => candidate.id === id)
        return address?.verification?.status === 'verified'
          ? { outcome: 'made', result: { emailAddress: address, user } }
          : { outcome: 'notMade' }
      },
    },
    callbacks,
  )
}
