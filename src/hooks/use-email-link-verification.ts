'use client'

import { useCallback, useState } from 'react'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddress } from '../api/types'
import { useEmailAddress } from './use-email-address'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'
import { useVerificationCooldown } from './use-verification-cooldown'

/** Options of `useEmailLinkVerification`. */
export interface UseEmailLinkVerificationOptions {
  /** `email_link` sends a link; `enterprise_sso` returns the identity provider's URL. @defaultValue 'email_link' */
  strategy?: 'email_link' | 'enterprise_sso'
  /** How often to ask whether the link was opened. @defaultValue 1000 */
  intervalMs?: number
}

/** Where the flow is: `waiting` polls until the address is verified, or the link expires or fails. */
export type EmailLinkStatus =
  'idle' | 'sending' | 'waiting' | 'verified' | 'expired' | 'failed' | 'error'

/** What `useEmailLinkVerification` returns. */
export interface EmailLinkVerification {
  status: EmailLinkStatus
  /** Sends the link (or starts SSO) and starts polling. `redirectUrl` must be absolute http(s). */
  start(params: { redirectUrl: string }): void
  /** Stops polling and returns to `idle`. */
  cancel(): void
  emailAddress: EmailAddress | null | undefined
  /** For `enterprise_sso`: the identity provider's page to open once prepared. */
  externalVerificationRedirectUrl: string | null
  error: FapiError | null
}

/**
 * Verifies an address by email link (or enterprise SSO): sends it, then polls the address about once a
 * second until it is verified, or the link expires or fails. Opening the link in another tab or on
 * another device completes it here too. Polling stops on `cancel()` and on unmount.
 *
 * @example
 * const link = useEmailLinkVerification(id)
 * <button onClick={() => link.start({ redirectUrl: `${location.origin}/verified` })}>Send link</button>
 * {link.status === 'waiting' && <p>Check your inbox.</p>}
 */
export function useEmailLinkVerification(
  id: string,
  options: UseEmailLinkVerificationOptions = {},
): EmailLinkVerification {
  const strategy = options.strategy ?? 'email_link'
  const [started, setStarted] = useState(false)
  const prepare = usePrepareEmailAddressVerification()
  const { isExpired } = useVerificationCooldown(id)
  const live = started && prepare.isSuccess && !isExpired
  const intervalMs = options.intervalMs ?? 1000
  const address = useEmailAddress(id, {
    refetchInterval: live ? (polled) => (isSettled(polled) ? false : intervalMs) : false,
  })
  const verification = address.data?.verification
  const { mutate, reset } = prepare

  const start = useCallback(
    ({ redirectUrl }: { redirectUrl: string }) => {
      setStarted(true)
      mutate({ id, strategy, redirectUrl })
    },
    [id, strategy, mutate],
  )
  const cancel = useCallback(() => {
    setStarted(false)
    reset()
  }, [reset])

  return {
    status: statusOf(started, prepare.status, verification?.status, isExpired, address.error),
    start,
    cancel,
    emailAddress: address.data,
    externalVerificationRedirectUrl: live
      ? (verification?.externalVerificationRedirectUrl ?? null)
      : null,
    error: prepare.error ?? (started ? address.error : null),
  }
}

/** Polling ends once the server reports a final state (clerk-js also stops on any request error). */
function isSettled(address: EmailAddress): boolean {
  const status = address.verification?.status
  return status === 'verified' || status === 'failed' || status === 'expired'
}

function statusOf(
  started: boolean,
  prepare: 'idle' | 'pending' | 'success' | 'error',
  verification: string | undefined,
  isExpired: boolean,
  pollError: FapiError | null,
): EmailLinkStatus {
  if (verification === 'verified') {
    return 'verified'
  }
  if (!started || prepare === 'idle') {
    return 'idle'
  }
  if (prepare === 'pending') {
    return 'sending'
  }
  if (prepare === 'error' || pollError) {
    return 'error'
  }
  if (verification === 'failed') {
    return 'failed'
  }
  return verification === 'expired' || isExpired ? 'expired' : 'waiting'
}
