'use client'

import { useLocalization } from '../../localization/localization-provider'

/** Props of `EmailLinkLanding`. */
export interface EmailLinkLandingProps {
  /** The page's query string or URL; read from `window.location` when omitted (in the browser). */
  search?: string
  className?: string
}

/**
 * The page an email link lands on (`redirectUrl`): reads `__clerk_status` and tells the user the
 * address is verified and they can go back to the tab they came from (which updates by itself).
 *
 * @example
 * // app/verified/page.tsx
 * export default function Verified() { return <EmailLinkLanding /> }
 */
export function EmailLinkLanding({ search, className }: EmailLinkLandingProps) {
  const t = useLocalization()
  const query = search ?? (typeof window === 'undefined' ? '' : window.location.search)
  const status = new URLSearchParams(
    query.includes('?') ? query.slice(query.indexOf('?')) : query,
  ).get('__clerk_status')
  const state = status === 'expired' ? 'expired' : status === 'failed' ? 'failed' : 'verified'
  const message =
    state === 'expired'
      ? t.emailLink.landingExpired
      : state === 'failed'
        ? t.emailLink.landingFailed
        : t.emailLink.landingVerified
  return (
    <p data-slot="rea-email-link-landing" data-state={state} className={className} role="status">
      {message}
    </p>
  )
}
