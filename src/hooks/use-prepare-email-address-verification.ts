'use client'

import type { UseMutationResult } from '@tanstack/react-query'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddressResult, PrepareVerificationParams, User } from '../api/types'
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
      // A new verification (a new expiry) means the message went out.
      confirmedBy: ({ id, strategy }, user, before) => {
        const find = (candidate: User | undefined) =>
          candidate?.emailAddresses.find((address) => address.id === id)
        const address = find(user)
        const sent = address?.verification
        const previous = find(before)?.verification
        return address &&
          sent?.strategy === strategy &&
          sent.status === 'unverified' &&
          sent.expireAt !== (previous?.expireAt ?? null)
          ? { emailAddress: address, user }
          : null
      },
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
