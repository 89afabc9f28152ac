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
 * `useVerificationCooldown` shows (the server's `Retry-After` after a 429). If the answer is lost and
 * the user fetched afresh cannot tell whether a new code went out, it fails with
 * `verification_unconfirmed` and the cooldown starts as after a send.
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
      confirmedBy: ({ id, strategy }, user, before) => {
        const find = (candidate: User | undefined) =>
          candidate?.emailAddresses.find((address) => address.id === id)
        const address = find(user)
        const sent = address?.verification
        if (!address || sent?.strategy !== strategy || sent.status !== 'unverified') {
          return { outcome: 'notMade' } // nothing of this kind is pending: nothing went out
        }
        const previous = find(before)?.verification
        const renewed =
          previous?.strategy !== strategy ||
          previous.status !== 'unverified' ||
          previous.expireAt !== sent.expireAt
        // The same pending verification as before: not sent, or sent in the same millisecond (a
        // frozen test clock gives every prepare one expiry). The user cannot tell which.
        return renewed
          ? { outcome: 'made', result: { emailAddress: address, user } }
          : { outcome: 'unknown' }
      },
      unconfirmedCode: 'verification_unconfirmed',
      afterSuccess: ({ cooldowns, resendCooldownMs }, _result, { id }) =>
        cooldowns.set(id, Date.now() + resendCooldownMs),
      afterError: ({ cooldowns, resendCooldownMs }, error, { id }) => {
        if (error.status === 429 && error.retryAfter !== null) {
          cooldowns.set(id, Date.now() + error.retryAfter * 1000)
        } else if (error.code === 'verification_unconfirmed') {
          // A message may have gone out: wait as after a send before offering another.
          cooldowns.set(id, Date.now() + resendCooldownMs)
        }
      },
    },
    callbacks,
  )
}
