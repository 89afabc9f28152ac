'use client'

import { useEffect, useRef, useState } from 'react'
import type { EmailAddress } from '../../api/types'
import { useAttemptEmailAddressVerification } from '../../hooks/use-attempt-email-address-verification'
import { useEmailAddress } from '../../hooks/use-email-address'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { PrepareVerificationButton } from '../prepare-verification-button'
import { Button } from '../ui/button'
import { CodeField } from '../ui/code-field'
import { Field } from '../ui/field'

/** Props of `VerifyCodeInput`. */
export interface VerifyCodeInputProps {
  emailAddressId: string
  onVerified?: (emailAddress: EmailAddress) => void
  /** Digits in a code. @defaultValue 6 */
  length?: number
  /** Checks the code as soon as the last digit is in. @defaultValue true */
  autoSubmit?: boolean
  autoFocus?: boolean
  /** Offers a new code after an expired or exhausted one. Turn off when a resend button sits nearby. @defaultValue true */
  offerResend?: boolean
  className?: string
}

/** Errors after which the code cannot work any more: offer a new one. */
const NEEDS_NEW_CODE = new Set([
  'verification_expired',
  'verification_failed',
  'verification_not_sent',
])

/**
 * Enter the code sent to an address. Built on `input-otp` (one real input, one-time-code autofill,
 * numeric keyboard); a pasted "123 456" or "123-456" fills it; it checks the code on the last digit.
 * A wrong code shows an error tied to the input (`aria-invalid`, `aria-describedby`) and keeps what was
 * typed, selected so the next digits replace it. An expired or exhausted code offers a resend.
 *
 * @example
 * <VerifyCodeInput emailAddressId={id} onVerified={() => setStep('done')} />
 */
export function VerifyCodeInput({
  emailAddressId,
  onVerified,
  length = 6,
  autoSubmit = true,
  autoFocus,
  offerResend = true,
  className,
}: VerifyCodeInputProps) {
  const t = useLocalization()
  const [code, setCode] = useState('')
  const [incomplete, setIncomplete] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const attempt = useAttemptEmailAddressVerification()
  const address = useEmailAddress(emailAddressId).data
  // A new code was sent (here or by a resend button elsewhere): start over with an empty input.
  const verification = address?.verification
  const pendingSince =
    verification?.status === 'unverified' ? (verification.expireAt ?? null) : null
  const lastSent = useRef<number | null | undefined>(undefined)
  const { reset } = attempt
  useEffect(() => {
    if (pendingSince === null) {
      return
    }
    // The first code seen is the one being typed; only a later, different one starts over.
    if (lastSent.current !== undefined && pendingSince !== lastSent.current) {
      reset()
      setCode('')
      setIncomplete(false)
    }
    lastSent.current = pendingSince
  }, [pendingSince, reset])

  const check = (value: string) => {
    if (value.length < length) {
      setIncomplete(true)
      return
    }
    attempt.mutate(
      { id: emailAddressId, code: value },
      {
        onSuccess: ({ emailAddress }) => onVerified?.(emailAddress),
        onError: () => input.current?.select(),
      },
    )
  }
  const failure = attempt.error?.errors[0] ?? attempt.error
  const needsNewCode = failure ? NEEDS_NEW_CODE.has(failure.code) : false
  const error = incomplete ? t.verifyCode.incomplete(length) : errorMessage(t, failure)

  return (
    <form
      data-slot="rea-verify-code-input"
      data-state={
        attempt.isPending ? 'checking' : attempt.isSuccess ? 'verified' : error ? 'invalid' : 'idle'
      }
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        check(code)
      }}
    >
      <Field
        label={t.verifyCode.label}
        description={address ? t.verifyCode.description(address.emailAddress) : undefined}
        error={error}
      >
        {(control) => (
          <CodeField
            {...control}
            ref={input}
            length={length}
            value={code}
            autoFocus={autoFocus}
            // Not disabled while checking: that would drop focus, and a keyboard user's next digits.
            disabled={attempt.isSuccess}
            onChange={(value) => {
              if (!attempt.isPending) {
                setCode(value)
                setIncomplete(false)
              }
            }}
            onComplete={autoSubmit ? check : undefined}
          />
        )}
      </Field>
      <div data-slot="rea-verify-code-input-actions">
        <Button type="submit" variant="primary" disabled={attempt.isPending || attempt.isSuccess}>
          {attempt.isPending ? t.verifyCode.verifying : t.verifyCode.submit}
        </Button>
        {needsNewCode && offerResend && (
          <PrepareVerificationButton
            emailAddressId={emailAddressId}
            strategy="email_code"
            showExpiry={false}
            onPrepared={() => input.current?.focus()}
          />
        )}
      </div>
      <p data-slot="rea-verify-code-input-status" role="status">
        {attempt.isSuccess && address ? t.verifyCode.verified(address.emailAddress) : ''}
      </p>
    </form>
  )
}
