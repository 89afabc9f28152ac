'use client'

import type { ReactNode } from 'react'
import type { EmailAddress, EmailVerificationStrategy } from '../../api/types'
import { useEmailAddress } from '../../hooks/use-email-address'
import { usePrepareEmailAddressVerification } from '../../hooks/use-prepare-email-address-verification'
import { useVerificationCooldown } from '../../hooks/use-verification-cooldown'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { Button, type ButtonProps } from '../ui/button'

/** Props of `PrepareVerificationButton`. */
export interface PrepareVerificationButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  emailAddressId: string
  /** @defaultValue 'email_code' */
  strategy?: EmailVerificationStrategy
  /** Where an email link or SSO returns to (absolute http(s)); needed for those strategies. */
  redirectUrl?: string
  onPrepared?: (emailAddress: EmailAddress) => void
  /** Shows when the current code expires, under the button. @defaultValue true */
  showExpiry?: boolean
  /** Replaces the label (the countdown still disables the button). */
  children?: ReactNode
}

/**
 * Sends, or resends, a code or link — only when pressed, never on mount. While the resend cooldown runs
 * (the server's `Retry-After`, or 30 s after a send) it is disabled with a live countdown; under it,
 * when the current code expires. Takes `asChild` and every button prop.
 *
 * @example
 * <PrepareVerificationButton emailAddressId={id} strategy="email_code" />
 */
export function PrepareVerificationButton({
  emailAddressId,
  strategy = 'email_code',
  redirectUrl,
  onPrepared,
  showExpiry = true,
  children,
  disabled,
  ...buttonProps
}: PrepareVerificationButtonProps) {
  const t = useLocalization()
  const prepare = usePrepareEmailAddressVerification()
  const cooldown = useVerificationCooldown(emailAddressId)
  const address = useEmailAddress(emailAddressId).data
  const sent =
    address?.verification?.strategy === strategy && address.verification.status !== 'verified'
  const isLink = strategy !== 'email_code'

  let label: ReactNode = children
  if (label === undefined) {
    if (prepare.isPending) {
      label = t.prepare.sending
    } else if (!cooldown.canResend) {
      label = t.prepare.resendIn(cooldown.secondsUntilResend)
    } else if (isLink) {
      label = sent ? t.prepare.resendLink : t.prepare.sendLink
    } else {
      label = sent ? t.prepare.resendCode : t.prepare.sendCode
    }
  }
  const unavailable = prepare.isPending || !cooldown.canResend
  const send = () =>
    prepare.mutate(
      { id: emailAddressId, strategy, redirectUrl },
      { onSuccess: ({ emailAddress }) => onPrepared?.(emailAddress) },
    )

  return (
    <div
      data-slot="rea-prepare-verification"
      data-state={cooldown.canResend ? 'ready' : 'cooldown'}
    >
      {/* aria-disabled, not disabled: a disabled button drops focus, and a keyboard user pressing
          "Resend" would land on <body> for the whole countdown. */}
      <Button
        {...buttonProps}
        onClick={unavailable ? undefined : send}
        disabled={disabled}
        aria-disabled={unavailable || undefined}
      >
        {label}
      </Button>
      {showExpiry && sent && !isLink && cooldown.expiresAt !== null && (
        <p
          data-slot="rea-prepare-verification-expiry"
          data-expired={cooldown.isExpired ? '' : undefined}
        >
          {cooldown.isExpired
            ? t.prepare.expired
            : t.prepare.expiresIn(formatDuration(cooldown.secondsUntilExpiry ?? 0))}
        </p>
      )}
      <p data-slot="rea-prepare-verification-status" role="status">
        {prepare.isSuccess && address ? t.prepare.sent(address.emailAddress) : ''}
      </p>
      <p data-slot="rea-prepare-verification-error" role="alert" hidden={!prepare.error}>
        {prepare.error ? errorMessage(t, prepare.error.errors[0] ?? prepare.error) : ''}
      </p>
    </div>
  )
}

/** 581 → "9:41". */
function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
