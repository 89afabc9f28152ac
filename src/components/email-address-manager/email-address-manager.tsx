'use client'

import { forwardRef, type HTMLAttributes, useCallback, useRef, useState } from 'react'
import type { EmailAddress } from '../../api/types'
import {
  type AddEmailAddressFlowStep,
  useAddEmailAddressFlow,
} from '../../hooks/use-add-email-address-flow'
import { useControllableState } from '../../hooks/use-controllable-state'
import { useEmailAddresses } from '../../hooks/use-email-addresses'
import { useLatest } from '../../hooks/use-latest'
import { errorMessage } from '../../localization/localization'
import { toUnicodeEmail } from '../../localization/idn'
import { useLocalization } from '../../localization/localization-provider'
import { AddEmailForm } from '../add-email-form'
import { EmailLinkPending } from '../email-link'
import {
  EmailList,
  EmailListItem,
  EmailListItemActions,
  EmailListItemAddress,
  EmailListItemBadges,
  EmailListItemMakePrimary,
  EmailListItemRemove,
  EmailListItemRemoveConfirm,
  EmailListItemRemoveReason,
  EmailListItems,
} from '../email-list'
import { PrepareVerification } from '../prepare-verification-button'
import { Button } from '../ui/button'
import { VerifyCodeInput } from '../verify-code-input'

/**
 * Where the manager is: the list, the add form, an address being verified, or one just verified.
 *
 * @example
 * // Resume verifying after a reload: keep the step in the URL or storage.
 * const resume: EmailAddressManagerStep = { step: 'verify', emailAddressId: id, strategy: 'email_code' }
 */
export type EmailAddressManagerStep =
  { step: 'list' } | { step: 'add' } | Exclude<AddEmailAddressFlowStep, { step: 'enterEmail' }>

/** Props of `EmailAddressManager`: a `<section>`'s props, and more. */
export interface EmailAddressManagerProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** How new addresses are verified (SSO domains always use enterprise SSO). @defaultValue 'email_code' */
  strategy?: 'email_code' | 'email_link'
  /** Where email links and SSO return; absolute http(s). @defaultValue the current page */
  redirectUrl?: string
  onVerified?: (emailAddress: EmailAddress) => void
  /** The step (controlled): open the add form from elsewhere, or resume a verification. */
  step?: EmailAddressManagerStep
  /** The step to start at (uncontrolled). @defaultValue `{ step: 'list' }` */
  defaultStep?: EmailAddressManagerStep
  /** Told every step change. */
  onStepChange?: (step: EmailAddressManagerStep) => void
}

const LIST: EmailAddressManagerStep = { step: 'list' }

/** A `select` that never changes, so reading whether the list has loaded re-renders nothing else. */
const loaded = () => true

/**
 * The whole email section: the list, and the add → send → verify → (make primary) → remove
 * lifecycle, keyboard-only friendly, with focus moved to where the next step is. A drop-in for the
 * email part of Clerk's `<UserProfile/>`; every part is also exported on its own. Its step is in
 * `data-step` and can be controlled (`step` / `onStepChange`).
 *
 * @example
 * <EmailAddressesProvider publishableKey={key} sessionId={sessionId}>
 *   <EmailAddressManager />
 * </EmailAddressesProvider>
 *
 * // Open the add form from a button elsewhere on the page:
 * const [step, setStep] = useState<EmailAddressManagerStep>({ step: 'list' })
 * <button onClick={() => setStep({ step: 'add' })}>Add email</button>
 * <EmailAddressManager step={step} onStepChange={setStep} />
 */
export const EmailAddressManager = forwardRef<HTMLElement, EmailAddressManagerProps>(
  function EmailAddressManager(
    {
      strategy = 'email_code',
      redirectUrl,
      onVerified,
      step: stepProp,
      defaultStep = LIST,
      onStepChange,
      ...props
    },
    ref,
  ) {
    const t = useLocalization()
    const [step, setStep] = useControllableState({
      prop: stepProp,
      defaultProp: defaultStep,
      onChange: onStepChange,
    })
    const flow = useAddEmailAddressFlow({
      strategy,
      redirectUrl,
      onDone: onVerified,
      step: step.step === 'verify' || step.step === 'done' ? step : { step: 'enterEmail' },
      onStepChange: (next) => setStep(next.step === 'enterEmail' ? LIST : next),
    })
    const listLoaded = useEmailAddresses({ select: loaded }).isSuccess
    const [notice, setNotice] = useState('')
    const addButton = useRef<HTMLButtonElement>(null)
    // A stable callback, so the list's memoized rows do not re-render when the manager does.
    const latest = useLatest({ verify: flow.verify, step })
    const verifyAddress = useCallback(
      (address: EmailAddress) => void latest.current.verify(address),
      [latest],
    )

    const close = () => {
      void flow.cancel()
      setStep(LIST)
      requestAnimationFrame(() => addButton.current?.focus())
    }
    const added = (address: EmailAddress) => {
      if (latest.current.step.step !== 'add') {
        // Cancelled while it was being added: it exists, unverified; nothing is sent, focus stays.
        setNotice(t.manager.addedUnverified(toUnicodeEmail(address.emailAddress)))
        return
      }
      setNotice('')
      void flow.verify(address)
    }

    const flowError =
      flow.step === 'verify' && flow.error
        ? errorMessage(t, flow.error.errors[0] ?? flow.error)
        : null
    let panel = null
    if (flow.step === 'verify') {
      const address = flow.emailAddress
      panel =
        flow.strategy === 'email_code' ? (
          <div data-slot="rea-email-address-manager-verify">
            <VerifyCodeInput emailAddressId={flow.emailAddressId} autoFocus offerResend={false} />
            <PrepareVerification emailAddressId={flow.emailAddressId} strategy="email_code" />
            <Button variant="ghost" onClick={close}>
              {t.manager.cancel}
            </Button>
            {flowError && (
              <p data-slot="rea-email-address-manager-error" role="alert">
                {flowError}
              </p>
            )}
          </div>
        ) : (
          address && (
            <EmailLinkPending
              emailAddress={address}
              strategy={flow.strategy}
              redirectUrl={redirectUrl}
              onCancel={close}
            />
          )
        )
    } else if (flow.step === 'done') {
      panel = (
        <div data-slot="rea-email-address-manager-done">
          <p role="status">
            {t.verifyCode.verified(toUnicodeEmail(flow.emailAddress.emailAddress))}
          </p>
          <Button variant="primary" onClick={close} autoFocus>
            {t.manager.done}
          </Button>
        </div>
      )
    } else if (step.step === 'add') {
      panel = <AddEmailForm autoFocus onSuccess={added} onCancel={close} />
    }

    // The verification opens under its own row, in place of the row's Verify; the add form (or an
    // address that left the list meanwhile) comes after the list. A verification resumed before the
    // list has loaded waits for it, so it mounts once, in its row (focus and typed digits stay).
    const rowId = flow.step !== 'enterEmail' && flow.emailAddress ? flow.emailAddressId : null
    const below = rowId === null && (flow.step === 'enterEmail' || listLoaded)
    return (
      <section
        ref={ref}
        data-slot="rea-email-address-manager"
        data-step={step.step === 'add' ? 'enterEmail' : step.step}
        {...props}
      >
        <h2 data-slot="rea-email-address-manager-title">{t.emailList.title}</h2>
        <EmailList onVerify={verifyAddress}>
          <EmailListItems>
            {(address) =>
              address.id === rowId ? (
                <EmailListItem address={address}>
                  <EmailListItemAddress /> <EmailListItemBadges />{' '}
                  <EmailListItemActions>
                    <EmailListItemMakePrimary />
                    <EmailListItemRemove />
                    <EmailListItemRemoveConfirm />
                  </EmailListItemActions>
                  <EmailListItemRemoveReason />
                  {panel}
                </EmailListItem>
              ) : (
                <EmailListItem address={address} />
              )
            }
          </EmailListItems>
        </EmailList>
        {below && panel}
        {!panel && (
          <Button
            ref={addButton}
            onClick={() => {
              setNotice('')
              setStep({ step: 'add' })
            }}
          >
            {t.manager.addAnother}
          </Button>
        )}
        <p data-slot="rea-email-address-manager-status" role="status">
          {notice}
        </p>
      </section>
    )
  },
)
