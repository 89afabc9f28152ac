'use client'

import { forwardRef, type HTMLAttributes } from 'react'
import type { EmailAddress } from '../../api/types'
import { toUnicodeEmail } from '../../localization/idn'
import { useLocalization } from '../../localization/localization-provider'
import { PrepareVerification } from '../prepare-verification-button'
import { Button } from '../ui/button'

/** Props of `EmailLinkPending`: a `<div>`'s props, and the address being verified. */
export interface EmailLinkPendingProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  emailAddress: EmailAddress
  /** `enterprise_sso` shows the identity provider's link instead of "check your inbox". */
  strategy: 'email_link' | 'enterprise_sso'
  /** Where a resent link returns to. @defaultValue the current page */
  redirectUrl?: string
  onCancel?: () => void
}

/**
 * The wait for an email link (or enterprise SSO): "check your inbox" with resend and cancel, or a link
 * to the identity provider. Whoever polls the address (e.g. `useAddEmailAddressFlow`) turns the step
 * verified by itself once the link is opened, in any tab or device. State is in `data-strategy`.
 *
 * @example
 * <EmailLinkPending emailAddress={address} strategy="email_link" redirectUrl={href} onCancel={back} />
 */
export const EmailLinkPending = forwardRef<HTMLDivElement, EmailLinkPendingProps>(
  function EmailLinkPending({ emailAddress, strategy, redirectUrl, onCancel, ...props }, ref) {
    const t = useLocalization()
    const external = emailAddress.verification?.externalVerificationRedirectUrl
    const sso = strategy === 'enterprise_sso'
    return (
      <div ref={ref} data-slot="rea-email-link-pending" data-strategy={strategy} {...props}>
        <p data-slot="rea-email-link-pending-title">
          {sso ? t.emailLink.ssoTitle : t.emailLink.title}
        </p>
        <p>
          {sso
            ? t.emailLink.ssoDescription(toUnicodeEmail(emailAddress.emailAddress))
            : t.emailLink.description(toUnicodeEmail(emailAddress.emailAddress))}
        </p>
        {sso && external ? (
          <Button asChild variant="primary">
            <a href={external}>{t.emailLink.continueSso}</a>
          </Button>
        ) : (
          <p data-slot="rea-email-link-pending-waiting" role="status">
            {t.emailLink.waiting}
          </p>
        )}
        <div data-slot="rea-email-link-pending-actions">
          {!sso && (
            <PrepareVerification
              emailAddressId={emailAddress.id}
              strategy="email_link"
              redirectUrl={redirectUrl}
            />
          )}
          {onCancel && (
            <Button variant="ghost" onClick={onCancel}>
              {t.manager.cancel}
            </Button>
          )}
        </div>
      </div>
    )
  },
)
