'use client'

import { useCallback, useRef, useState } from 'react'
import type { EmailAddress } from '../../api/types'
import { useAddEmailAddressFlow } from '../../hooks/use-add-email-address-flow'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { AddEmailForm } from '../add-email-form'
import { EmailLinkPending } from '../email-link'
import { EmailList } from '../email-list'
import { PrepareVerificationButton } from '../prepare-verification-button'
import { Button } from '../ui/button'
import { VerifyCodeInput } from '../verify-code-input'

/** Props of `EmailAddressManager`. */
export interface EmailAddressManagerProps {
  /** How new addresses are verified (SSO domains always use enterprise SSO). @defaultValue 'email_code' */
  strategy?: 'email_code' | 'email_link'
  /** Where email links and SSO return; absolute http(s). @defaultValue the current page */
  redirectUrl?: string
  onVerified?: (emailAddress: EmailAddress) => void
  className?: string
}

/**
 * The whole email section: the list, and the add → send → verify → (make primary) → remove
 * lifecycle, keyboard-only friendly, with focus moved to where the next step is. A drop-in for the
 * email part of Clerk's `<UserProfile/>`; every part is also exported on its own.
 *
 * @example
 * <EmailAddressesProvider publishableKey={key} sessionId={sessionId}>
 *   <EmailAddressManager />
 * </EmailAddressesProvider>
 */
export function EmailAddressManager({
  strategy = 'email_code',
  redirectUrl,
  onVerified,
  className,
}: EmailAddressManagerProps) {
  const t = useLocalization()
  const returnTo = redirectUrl ?? (typeof window === 'undefined' ? undefined : window.location.href)
  const flow = useAddEmailAddressFlow({ strategy, redirectUrl: returnTo, onDone: onVerified })
  const [adding, setAdding] = useState(false)
  const addButton = useRef<HTMLButtonElement>(null)
  // A stable callback, so the list's memoized rows do not re-render when the manager does.
  const verifyRef = useRef(flow.verify)
  verifyRef.current = flow.verify
  const verifyAddress = useCallback((address: EmailAddress) => void verifyRef.current(address), [])

  const close = () => {
    void flow.cancel()
    setAdding(false)
    requestAnimationFrame(() => addButton.current?.focus())
  }

  let panel = null
  if (flow.step === 'verify') {
    const address = flow.emailAddress
    panel =
      flow.strategy === 'email_code' ? (
        <div data-slot="rea-email-address-manager-verify">
          <VerifyCodeInput emailAddressId={flow.emailAddressId} autoFocus offerResend={false} />
          <PrepareVerificationButton emailAddressId={flow.emailAddressId} strategy="email_code" />
          <Button variant="ghost" onClick={close}>
            {t.manager.cancel}
          </Button>
        </div>
      ) : (
        address && (
          <EmailLinkPending
            emailAddress={address}
            strategy={flow.strategy}
            redirectUrl={returnTo}
            onCancel={close}
          />
        )
      )
  } else if (flow.step === 'done') {
    panel = (
      <div data-slot="rea-email-address-manager-done">
        <p role="status">{t.verifyCode.verified(flow.emailAddress.emailAddress)}</p>
        <Button variant="primary" onClick={close} autoFocus>
          {t.manager.done}
        </Button>
      </div>
    )
  } else if (adding) {
    panel = (
      <AddEmailForm autoFocus onSuccess={(address) => void flow.verify(address)} onCancel={close} />
    )
  }

  const flowError =
    flow.step === 'verify' && flow.error
      ? errorMessage(t, flow.error.errors[0] ?? flow.error)
      : null
  return (
    <section
      data-slot="rea-email-address-manager"
      data-step={adding || flow.step !== 'enterEmail' ? flow.step : 'list'}
      className={className}
    >
      <h2 data-slot="rea-email-address-manager-title">{t.emailList.title}</h2>
      <EmailList onVerify={verifyAddress} />
      {panel}
      {flowError && (
        <p data-slot="rea-email-address-manager-error" role="alert">
          {flowError}
        </p>
      )}
      {!panel && (
        <Button ref={addButton} onClick={() => setAdding(true)}>
          {t.manager.addAnother}
        </Button>
      )}
    </section>
  )
}
