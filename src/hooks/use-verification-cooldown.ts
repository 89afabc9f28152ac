'use client'

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { User } from '../api/types'
import { useEmailAddressesContext } from './email-addresses-provider'
import { useMeQuery } from './use-email-addresses'

/** What `useVerificationCooldown` returns. Times are epoch ms; seconds are rounded up. */
export interface VerificationCooldown {
  /** False while a new code or link may not be sent yet. */
  canResend: boolean
  /** When a new code or link may be sent, or `null` if it may be now. */
  resendAvailableAt: number | null
  secondsUntilResend: number
  /** When the current code or link stops working, if one was sent and the server set a limit. */
  expiresAt: number | null
  secondsUntilExpiry: number | null
  isExpired: boolean
}

/**
 * The resend countdown and the code's expiry for one address, driven by the server: its `Retry-After`
 * after a 429, else the provider's `resendCooldownSeconds` after each send; and the verification's
 * `expire_at`. It survives a remount and a page reload, and ticks once a second while counting down,
 * re-rendering only the component that uses it.
 *
 * @example
 * const { canResend, secondsUntilResend } = useVerificationCooldown(id)
 * <button disabled={!canResend}>{canResend ? 'Resend code' : `Resend in ${secondsUntilResend}s`}</button>
 */
export function useVerificationCooldown(id: string): VerificationCooldown {
  const { cooldowns } = useEmailAddressesContext()
  const resendAt = useSyncExternalStore(
    cooldowns.subscribe,
    () => cooldowns.resendAt(id),
    () => null,
  )
  const selectExpiry = useCallback(
    (user: User) => {
      const verification = user.emailAddresses.find((address) => address.id === id)?.verification
      return verification && verification.status !== 'verified' ? verification.expireAt : null
    },
    [id],
  )
  const expiresAt = useMeQuery(selectExpiry).data ?? null
  const now = useTicker(resendAt, expiresAt)

  const resendAvailableAt = resendAt !== null && resendAt > now ? resendAt : null
  return {
    canResend: resendAvailableAt === null,
    resendAvailableAt,
    secondsUntilResend:
      resendAvailableAt === null ? 0 : Math.ceil((resendAvailableAt - now) / 1000),
    expiresAt,
    secondsUntilExpiry:
      expiresAt === null ? null : Math.max(0, Math.ceil((expiresAt - now) / 1000)),
    isExpired: expiresAt !== null && expiresAt <= now,
  }
}

/** `Date.now()`, refreshed every second while either deadline lies in the future. */
function useTicker(first: number | null, second: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  const counting = (first !== null && first > now) || (second !== null && second > now)
  useEffect(() => {
    // A new deadline (a send, a 429) restarts the clock from the real time: the last tick may be
    // minutes old when nothing was counting. One extra render per new deadline, on purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now())
  }, [first, second])
  useEffect(() => {
    if (!counting) {
      return undefined
    }
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [counting])
  return now
}
