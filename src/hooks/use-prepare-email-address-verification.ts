'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddressResult, PrepareVerificationParams } from '../api/types'
import { type MutationCallbacks, useFapiMutation } from './use-fapi-mutation'
import { withEmailAddress } from './user-cache'

/** What `usePrepareEmailAddressVerification().mutate` takes. */
export interface PrepareEmailAddressVerificationVariables extends PrepareVerificationParams {
  id: string
}

/**
 * Sends a code or a link, or starts enterprise SSO, for an address. Call it from an event (the add
 * succeeded, the user pressed "resend"), never from an effect. A double click sends one email:
 * identical calls in flight share one request. Starts the resend cooldown that
 * `useVerificationCooldown` shows (the server's `Retry-After` after a 429).
 *
 * @example
 * const prepare = usePrepareEmailAddressVerification()
 * <button onClick={() => prepare.mutate({ id, strategy: 'email_code' })}>Send code</button>
 */
export function usePrepareEmailAddressVerification(
  callbacks?: MutationCallbacks<EmailAddressResult, PrepareEmailAddressVerificationVariables>,
): UseMutationResult<
  EmailAddressResult,
  FapiError,
  PrepareEmailAddressVerificationVariables,
  unknown
> {
  return useFapiMutation(
    {
      action: 'prepareVerification',
      call: ({ client }, { id, ...params }) =>
        client.emailAddresses.prepareVerification(id, params),
      userOf: (result, current) =>
        result.user ?? (current && withEmailAddress(current, result.emailAddress)),
      afterSuccess: ({ cooldowns, resendCooldownMs }, _result, { id }) =>
        cooldowns.set(id, Date.now() + resendCooldownMs),
      afterError: ({ cooldowns }, error, { id }) => {
        if (error.status === 429 && error.retryAfter !== null) {
          cooldowns.set(id, Date.now() + error.retryAfter * 1000)
        }
      },
    },
    callbacks,
  )
}
