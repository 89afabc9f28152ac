'use client'

import { forwardRef, type HTMLAttributes, useSyncExternalStore } from 'react'
import { useLocalization } from '../../localization/localization-provider'
import { Button } from '../ui/button'

/** Props of `EmailLinkLanding`: a `<div>`'s props, and where to read the link's outcome. */
export interface EmailLinkLandingProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The page's query string or URL. @defaultValue the page's own, read after hydration */
  search?: string
  /**
   * Where "Go back" leads unless the address was verified (an expired or failed link, one opened in
   * another browser, an unknown status). @defaultValue the previous page in the tab's history
   */
  backHref?: string
}

/**
 * What `__clerk_status` can say about an email link (PROTOCOL.md §5.4), or that it said nothing known.
 *
 * @example
 * // It is the landing's `data-state`: style each outcome, or read it.
 * const landing = useRef<HTMLDivElement>(null)
 * const state = landing.current?.dataset.state as EmailLinkLandingState | undefined
 */
export type EmailLinkLandingState =
  'verified' | 'expired' | 'failed' | 'client_mismatch' | 'unknown'

const KNOWN = ['verified', 'expired', 'failed', 'client_mismatch'] as const

/** The outcome in a query string or URL: one of Clerk's statuses, else `unknown`. */
function landingState(search: string): EmailLinkLandingState {
  const query = search.includes('?') ? search.slice(search.indexOf('?')) : search
  const status = new URLSearchParams(query).get('__clerk_status')
  return KNOWN.find((known) => known === status) ?? 'unknown'
}

const noSubscription = () => () => undefined

/**
 * The page an email link lands on (`redirectUrl`): reads `__clerk_status` and says what happened —
 * verified (the tab it came from updates by itself), expired, failed, opened in another browser
 * (`client_mismatch`) — or, for a missing or unknown status, that the outcome is unknown. Every
 * outcome but verified offers a way back. Server-rendered, it shows the unknown state until the
 * page's own address is read. State is in `data-state`.
 *
 * @example
 * // app/verified/page.tsx
 * export default function Verified() { return <EmailLinkLanding /> }
 */
export const EmailLinkLanding = forwardRef<HTMLDivElement, EmailLinkLandingProps>(
  function EmailLinkLanding({ search, backHref, ...props }, ref) {
    const t = useLocalization()
    const pageSearch = useSyncExternalStore(
      noSubscription,
      () => window.location.search,
      () => '',
    )
    const state = landingState(search ?? pageSearch)
    const messages: Record<EmailLinkLandingState, string> = {
      verified: t.emailLink.landingVerified,
      expired: t.emailLink.landingExpired,
      failed: t.emailLink.landingFailed,
      client_mismatch: t.emailLink.landingClientMismatch,
      unknown: t.emailLink.landingUnknown,
    }
    return (
      <div ref={ref} data-slot="rea-email-link-landing" data-state={state} {...props}>
        <p role="status">{messages[state]}</p>
        {state !== 'verified' && (
          <Button asChild>
            <a
              href={backHref ?? '#'}
              onClick={(event) => {
                if (backHref === undefined) {
                  event.preventDefault()
                  window.history.back()
                }
              }}
            >
              {t.emailLink.landingBack}
            </a>
          </Button>
        )}
      </div>
    )
  },
)
