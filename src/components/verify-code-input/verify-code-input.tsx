'use client'

import {
  type FormEvent,
  type FormHTMLAttributes,
  forwardRef,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react'
import type { FapiError } from '../../api/fapi-error'
import type { EmailAddress } from '../../api/types'
import { useAttemptEmailAddressVerification } from '../../hooks/use-attempt-email-address-verification'
import { useControllableState } from '../../hooks/use-controllable-state'
import { useEmailAddress } from '../../hooks/use-email-address'
import { errorMessage } from '../../localization/localization'
import { toUnicodeEmail } from '../../localization/idn'
import { useLocalization } from '../../localization/localization-provider'
import { PrepareVerificationButton } from '../prepare-verification-button'
import { type ButtonProps, LabelledButton } from '../ui/button'
import { CodeField, type CodeFieldProps } from '../ui/code-field'
import { composeEventHandlers, createPartContext, useComposedRefs } from '../ui/compose'
import { FieldControl, FieldDescription, FieldError, FieldLabel, FieldScope } from '../ui/field'

/** Errors after which the code cannot work any more: a new one must be sent first. */
const NEEDS_NEW_CODE = new Set([
  'verification_expired',
  'verification_failed',
  'verification_not_sent',
])

interface VerifyCodeState {
  emailAddressId: string
  address: EmailAddress | null | undefined
  code: string
  setCode(code: string): void
  length: number
  autoFocus: boolean | undefined
  autoSubmit: boolean
  error: string | null
  needsNewCode: boolean
  offerResend: boolean
  attempt: ReturnType<typeof useAttemptEmailAddressVerification>
  input: { current: HTMLInputElement | null }
  check(code: string): void
  /** A new code was sent from `VerifyCodeInputResend` (`true`), or sending it failed. */
  resent(outcome: true | FapiError): void
}

const [VerifyCodeProvider, useVerifyCode] = createPartContext<VerifyCodeState>('VerifyCodeInput')

/** Props of `VerifyCodeInput`: a `<form>`'s props, the address, and the code's state. */
export interface VerifyCodeInputProps extends Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'defaultValue'
> {
  emailAddressId: string
  onVerified?: (emailAddress: EmailAddress) => void
  /** Digits in a code. @defaultValue 6 */
  length?: number
  /** Checks the code as soon as the last digit is in. @defaultValue true */
  autoSubmit?: boolean
  autoFocus?: boolean
  /** Offers a new code after an expired or exhausted one. Turn off when a resend button sits nearby. @defaultValue true */
  offerResend?: boolean
  /** The code typed so far (controlled). */
  value?: string
  /** The code to start with (uncontrolled). @defaultValue '' */
  defaultValue?: string
  /** Told every change of the code, as the digits the input keeps. */
  onValueChange?: (value: string) => void
  /** Runs before the form checks the code; `event.preventDefault()` stops the check. */
  onSubmit?: FormHTMLAttributes<HTMLFormElement>['onSubmit']
  /**
   * The parts: `FieldLabel`, `VerifyCodeInputCode`, `FieldDescription`, `FieldError`,
   * `VerifyCodeInputSubmit`, `VerifyCodeInputResend`, in any layout. @defaultValue all of them
   */
  children?: ReactNode
}

/**
 * Enter the code sent to an address. Built on `input-otp` (one real input, one-time-code autofill,
 * numeric keyboard); a pasted "123 456", "123-456" or full-width "１２３４５６" fills it; it checks the
 * code on the last digit. A wrong code is an error tied to the input (`aria-invalid`,
 * `aria-describedby`) that keeps what was typed, selected so the next digits replace it. An expired
 * or exhausted code stops checking and offers a new one. State is in `data-state` (`idle`,
 * `checking`, `invalid`, `verified`).
 *
 * It is the root of a compound component: lay out its parts yourself, and own the code with
 * `value` / `onValueChange` if you like.
 *
 * @example
 * <VerifyCodeInput emailAddressId={id} onVerified={() => setStep('done')} />
 *
 * // Your own layout, two groups of three boxes. The form owns one field, so the generic `Field`
 * // parts work inside it and show its label, description and error unless given their own:
 * <VerifyCodeInput emailAddressId={id} value={code} onValueChange={setCode}>
 *   <FieldLabel>Code</FieldLabel>
 *   <VerifyCodeInputCode>
 *     <CodeFieldGroup>{[0, 1, 2].map((i) => <CodeFieldSlot key={i} index={i} />)}</CodeFieldGroup>
 *     <CodeFieldGroup>{[3, 4, 5].map((i) => <CodeFieldSlot key={i} index={i} />)}</CodeFieldGroup>
 *   </VerifyCodeInputCode>
 *   <FieldError />
 *   <VerifyCodeInputSubmit />
 * </VerifyCodeInput>
 */
export const VerifyCodeInput = forwardRef<HTMLFormElement, VerifyCodeInputProps>(
  function VerifyCodeInput(
    {
      emailAddressId,
      onVerified,
      length = 6,
      autoSubmit = true,
      autoFocus,
      offerResend = true,
      value,
      defaultValue = '',
      onValueChange,
      onSubmit,
      children,
      ...props
    },
    ref,
  ) {
    const t = useLocalization()
    const [code, setCodeState] = useControllableState({
      prop: value,
      defaultProp: defaultValue,
      onChange: onValueChange,
    })
    const [incomplete, setIncomplete] = useState(false)
    // What the last press of `VerifyCodeInputResend` led to, until the next code or try.
    const [resend, setResend] = useState<true | FapiError | null>(null)
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
        setCodeState('')
        setIncomplete(false)
      }
      if (lastSent.current !== pendingSince) {
        setResend((last) => (last === true ? last : null))
      }
      lastSent.current = pendingSince
    }, [pendingSince, reset, setCodeState])

    const failure = attempt.error?.errors[0] ?? attempt.error
    const needsNewCode = failure ? NEEDS_NEW_CODE.has(failure.code) : false
    const check = (next: string) => {
      if (needsNewCode || attempt.isPending) {
        return // Nothing this code can do until a new one is sent.
      }
      if (next.length < length) {
        setIncomplete(true)
        return
      }
      attempt.mutate(
        { id: emailAddressId, code: next },
        {
          onSuccess: ({ emailAddress }) => onVerified?.(emailAddress),
          onError: () => input.current?.select(),
        },
      )
    }
    const resendFailure = resend === true ? null : resend
    const error = incomplete
      ? t.verifyCode.incomplete(length)
      : errorMessage(t, resendFailure?.errors[0] ?? resendFailure ?? failure)
    const state: VerifyCodeState = {
      emailAddressId,
      address,
      code,
      setCode: (next) => {
        setCodeState(next)
        setIncomplete(false)
      },
      length,
      autoFocus,
      autoSubmit,
      error,
      needsNewCode,
      offerResend,
      attempt,
      input,
      check,
      resent: (outcome) => {
        setResend(outcome)
        if (outcome === true) {
          input.current?.focus()
        }
      },
    }
    const submit = composeEventHandlers(onSubmit, (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      check(code)
    })
    return (
      <VerifyCodeProvider value={state}>
        <form
          ref={ref}
          data-slot="rea-verify-code-input"
          data-state={
            attempt.isPending
              ? 'checking'
              : attempt.isSuccess
                ? 'verified'
                : error
                  ? 'invalid'
                  : 'idle'
          }
          noValidate
          {...props}
          onSubmit={submit}
        >
          <FieldScope
            invalid={Boolean(error)}
            label={t.verifyCode.label}
            description={
              address ? t.verifyCode.description(toUnicodeEmail(address.emailAddress)) : undefined
            }
            error={error}
          >
            {children ?? (
              <>
                <div data-slot="rea-field" data-invalid={error ? '' : undefined}>
                  <FieldLabel />
                  <VerifyCodeInputCode />
                  <FieldDescription />
                  <FieldError />
                </div>
                <div data-slot="rea-verify-code-input-actions">
                  <VerifyCodeInputSubmit />
                  <VerifyCodeInputResend />
                </div>
              </>
            )}
          </FieldScope>
          <p data-slot="rea-verify-code-input-status" role="status">
            {address && (attempt.isSuccess || resend === true)
              ? (attempt.isSuccess ? t.verifyCode.verified : t.prepare.sent)(
                  toUnicodeEmail(address.emailAddress),
                )
              : ''}
          </p>
        </form>
      </VerifyCodeProvider>
    )
  },
)

/**
 * Props of `VerifyCodeInputCode`: the input's props, and its boxes as children.
 *
 * @example
 * const props: VerifyCodeInputCodeProps = { containerClassName: 'my-code', 'aria-label': 'Code' }
 */
export type VerifyCodeInputCodeProps = Omit<
  CodeFieldProps,
  'value' | 'onChange' | 'onComplete' | 'length'
>

/**
 * The code itself: a `CodeField` (its props and ref reach the real `<input>`); give it
 * `CodeFieldGroup` / `CodeFieldSlot` children to draw the boxes your way. Never disabled while
 * checking, so focus and a keyboard user's next digits are kept.
 *
 * @example
 * <VerifyCodeInputCode containerClassName="my-code" />
 */
export const VerifyCodeInputCode = forwardRef<HTMLInputElement, VerifyCodeInputCodeProps>(
  function VerifyCodeInputCode({ onKeyDown, ...props }, forwardedRef) {
    const state = useVerifyCode('VerifyCodeInputCode')
    const ref = useComposedRefs(forwardedRef, state.input)
    return (
      <FieldControl>
        <CodeField
          ref={ref}
          length={state.length}
          value={state.code}
          autoFocus={state.autoFocus}
          disabled={state.attempt.isSuccess}
          {...props}
          onKeyDown={composeEventHandlers(onKeyDown, (event) => {
            // Enter before any digit is not a try: it is the Enter that added the address, repeated.
            if (event.key === 'Enter' && state.code === '') {
              event.preventDefault()
            }
          })}
          onChange={(next) => {
            if (!state.attempt.isPending) {
              state.setCode(next)
            }
          }}
          onComplete={state.autoSubmit ? state.check : undefined}
        />
      </FieldControl>
    )
  },
)

/**
 * The form's submit `Button` ("Verify"), unavailable while checking, after success, and after a
 * code stopped working.
 *
 * @example
 * <VerifyCodeInputSubmit className="w-full" />
 */
export const VerifyCodeInputSubmit = forwardRef<HTMLButtonElement, ButtonProps>(
  function VerifyCodeInputSubmit(props, ref) {
    const t = useLocalization()
    const { attempt, needsNewCode } = useVerifyCode('VerifyCodeInputSubmit')
    return (
      <LabelledButton
        ref={ref}
        label={attempt.isPending ? t.verifyCode.verifying : t.verifyCode.submit}
        type="submit"
        variant="primary"
        disabled={attempt.isPending || attempt.isSuccess}
        aria-disabled={needsNewCode || undefined}
        {...props}
      />
    )
  },
)

/**
 * A new code, offered once the current one stopped working (expired, exhausted, never sent), unless
 * `offerResend` is off: one `PrepareVerificationButton` (with its countdown). The form announces the
 * new code in its status line and shows a failure as the field's error; focus returns to the code.
 *
 * @example
 * <VerifyCodeInputResend variant="ghost" />
 */
export const VerifyCodeInputResend = forwardRef<HTMLButtonElement, Omit<ButtonProps, 'onError'>>(
  function VerifyCodeInputResend(props, ref) {
    const state = useVerifyCode('VerifyCodeInputResend')
    if (!state.needsNewCode || !state.offerResend) {
      return null
    }
    return (
      <PrepareVerificationButton
        ref={ref}
        emailAddressId={state.emailAddressId}
        strategy="email_code"
        onPrepared={() => state.resent(true)}
        onError={state.resent}
        {...props}
      />
    )
  },
)
