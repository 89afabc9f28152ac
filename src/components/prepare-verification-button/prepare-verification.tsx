'use client'

import { forwardRef, type HTMLAttributes, type ReactNode, useContext } from 'react'
import type { FapiError } from '../../api/fapi-error'
import type { EmailAddress, EmailVerificationStrategy } from '../../api/types'
import { useEmailAddress } from '../../hooks/use-email-address'
import { usePrepareEmailAddressVerification } from '../../hooks/use-prepare-email-address-verification'
import { useVerificationCooldown } from '../../hooks/use-verification-cooldown'
import { errorMessage } from '../../localization/localization'
import { toUnicodeEmail } from '../../localization/idn'
import { useLocalization } from '../../localization/localization-provider'
import { type ButtonProps, LabelledButton } from '../ui/button'
import { composeEventHandlers, createPartContext } from '../ui/compose'

/**
 * What to send, to which address.
 *
 * @example
 * const options: PrepareVerificationOptions = {
 *   emailAddressId: id,
 *   strategy: 'email_link',
 *   redirectUrl: `${location.origin}/verified`,
 * }
 */
export interface PrepareVerificationOptions {
  emailAddressId: string
  /** @defaultValue 'email_code' */
  strategy?: EmailVerificationStrategy
  /**
   * Where an email link or SSO returns to (absolute http(s)). @defaultValue the current page, read
   * when the button is pressed
   */
  redirectUrl?: string
  onPrepared?: (emailAddress: EmailAddress) => void
  onError?: (error: FapiError) => void
}

interface PrepareState {
  readonly strategy: EmailVerificationStrategy
  readonly isLink: boolean
  readonly sent: boolean
  readonly address: EmailAddress | null | undefined
  readonly prepare: ReturnType<typeof usePrepareEmailAddressVerification>
  readonly cooldown: ReturnType<typeof useVerificationCooldown>
  readonly unavailable: boolean
  send(): void
}

const [PrepareProvider, usePrepareContext, PrepareContext] =
  createPartContext<PrepareState>('PrepareVerification')

function usePrepareState({
  emailAddressId,
  strategy = 'email_code',
  redirectUrl,
  onPrepared,
  onError,
}: PrepareVerificationOptions): PrepareState {
  const prepare = usePrepareEmailAddressVerification()
  const cooldown = useVerificationCooldown(emailAddressId)
  const address = useEmailAddress(emailAddressId).data
  const isLink = strategy !== 'email_code'
  return {
    strategy,
    isLink,
    sent:
      address?.verification?.strategy === strategy && address.verification.status !== 'verified',
    address,
    prepare,
    cooldown,
    unavailable: prepare.isPending || !cooldown.canResend,
    send: () =>
      prepare.mutate(
        {
          id: emailAddressId,
          strategy,
          redirectUrl: redirectUrl ?? (isLink ? window.location.href : undefined),
        },
        {
          onSuccess: ({ emailAddress }) => onPrepared?.(emailAddress),
          onError: (error) => onError?.(error),
        },
      ),
  }
}

/**
 * Props of `PrepareVerification`: a `<div>`'s props, and what to send.
 *
 * @example
 * const props: PrepareVerificationProps = { emailAddressId: id, showExpiry: false, className: 'row' }
 */
export interface PrepareVerificationProps
  extends PrepareVerificationOptions, Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {
  /** Shows when the current code expires. @defaultValue true */
  showExpiry?: boolean
  /** The parts. @defaultValue `PrepareVerificationButton` and `PrepareVerificationExpiry` */
  children?: ReactNode
}

/**
 * Sending, or resending, a code or link — only when pressed, never on mount: its button with a live
 * countdown while the resend cooldown runs (the server's `Retry-After`, or 30 s after a send), when
 * the code expires, and the sent or failed message, announced. State is in `data-state` (`ready`,
 * `cooldown`).
 *
 * @example
 * <PrepareVerification emailAddressId={id} strategy="email_code" />
 *
 * // Your own layout:
 * <PrepareVerification emailAddressId={id}>
 *   <PrepareVerificationExpiry />
 *   <PrepareVerificationButton variant="ghost" />
 * </PrepareVerification>
 */
export const PrepareVerification = forwardRef<HTMLDivElement, PrepareVerificationProps>(
  function PrepareVerification(
    {
      emailAddressId,
      strategy,
      redirectUrl,
      onPrepared,
      onError,
      showExpiry = true,
      children,
      ...props
    },
    ref,
  ) {
    const t = useLocalization()
    const state = usePrepareState({ emailAddressId, strategy, redirectUrl, onPrepared, onError })
    const { prepare, address } = state
    return (
      <PrepareProvider value={state}>
        <div
          ref={ref}
          data-slot="rea-prepare-verification"
          data-state={state.cooldown.canResend ? 'ready' : 'cooldown'}
          {...props}
        >
          {children ?? (
            <>
              <PrepareVerificationButton />
              {showExpiry && <PrepareVerificationExpiry />}
            </>
          )}
          <p data-slot="rea-prepare-verification-status" role="status">
            {prepare.isSuccess && address
              ? t.prepare.sent(toUnicodeEmail(address.emailAddress))
              : ''}
          </p>
          <p data-slot="rea-prepare-verification-error" role="alert" hidden={!prepare.error}>
            {prepare.error ? errorMessage(t, prepare.error.errors[0] ?? prepare.error) : ''}
          </p>
        </div>
      </PrepareProvider>
    )
  },
)

/** Props of `PrepareVerificationButton`: a `Button`'s, and (used alone) what to send. */
export type PrepareVerificationButtonProps = Omit<ButtonProps, 'onError'> &
  Partial<PrepareVerificationOptions>

/**
 * The send / resend button, as one `<button>` (or, with `asChild`, your element; it gets the label
 * when it has no content of its own). Disabled with a countdown while the cooldown runs — through
 * `aria-disabled`, so focus stays on it. Inside `PrepareVerification` it uses that; alone it takes
 * `emailAddressId`, `strategy`, `redirectUrl`, `onPrepared` and `onError` itself.
 *
 * @example
 * <PrepareVerificationButton emailAddressId={id} onError={(error) => toast(error.code)} />
 * <PrepareVerificationButton emailAddressId={id} asChild><a href="#resend" /></PrepareVerificationButton>
 */
export const PrepareVerificationButton = forwardRef<
  HTMLButtonElement,
  PrepareVerificationButtonProps
>(function PrepareVerificationButton(
  { emailAddressId, strategy, redirectUrl, onPrepared, onError, ...props },
  ref,
) {
  const inside = useContext(PrepareContext)
  if (inside) {
    return <PrepareButton ref={ref} state={inside} {...props} />
  }
  if (emailAddressId === undefined) {
    throw new Error(
      'react-email-addresses: `PrepareVerificationButton` needs `emailAddressId` outside `PrepareVerification`.',
    )
  }
  return (
    <StandaloneButton
      ref={ref}
      options={{ emailAddressId, strategy, redirectUrl, onPrepared, onError }}
      {...props}
    />
  )
})

type ButtonPartProps = Omit<ButtonProps, 'onError'>

const StandaloneButton = forwardRef<
  HTMLButtonElement,
  ButtonPartProps & { options: PrepareVerificationOptions }
>(function StandaloneButton({ options, ...props }, ref) {
  return <PrepareButton ref={ref} state={usePrepareState(options)} {...props} />
})

const PrepareButton = forwardRef<HTMLButtonElement, ButtonPartProps & { state: PrepareState }>(
  function PrepareButton({ state, onClick, ...props }, ref) {
    const t = useLocalization()
    const { prepare, cooldown, isLink, sent } = state
    let label: ReactNode
    if (prepare.isPending) {
      label = t.prepare.sending
    } else if (!cooldown.canResend) {
      label = t.prepare.resendIn(cooldown.secondsUntilResend)
    } else if (isLink) {
      label = sent ? t.prepare.resendLink : t.prepare.sendLink
    } else {
      label = sent ? t.prepare.resendCode : t.prepare.sendCode
    }
    return (
      <LabelledButton
        ref={ref}
        label={label}
        // aria-disabled, not disabled: a disabled button drops focus, and a keyboard user pressing
        // "Resend" would land on <body> for the whole countdown.
        aria-disabled={state.unavailable || undefined}
        {...props}
        onClick={composeEventHandlers(onClick, () => {
          if (!state.unavailable) {
            state.send()
          }
        })}
      />
    )
  },
)

/**
 * When the current code expires ("The code expires in 9:41.", then that it has expired), as a `<p>`;
 * nothing for links or before a code was sent. State is in `data-expired`.
 *
 * @example
 * <PrepareVerificationExpiry className="text-sm text-muted-foreground" />
 */
export const PrepareVerificationExpiry = forwardRef<
  HTMLParagraphElement,
  HTMLAttributes<HTMLParagraphElement>
>(function PrepareVerificationExpiry(props, ref) {
  const t = useLocalization()
  const { sent, isLink, cooldown } = usePrepareContext('PrepareVerificationExpiry')
  if (!sent || isLink || cooldown.expiresAt === null) {
    return null
  }
  return (
    <p
      ref={ref}
      data-slot="rea-prepare-verification-expiry"
      data-expired={cooldown.isExpired ? '' : undefined}
      {...props}
    >
      {cooldown.isExpired
        ? t.prepare.expired
        : t.prepare.expiresIn(formatDuration(cooldown.secondsUntilExpiry ?? 0))}
    </p>
  )
})

/** 581 → "9:41". */
function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
