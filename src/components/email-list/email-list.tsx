'use client'

import { forwardRef, type HTMLAttributes, type ReactNode, useMemo, useRef, useState } from 'react'
import type { EmailAddress } from '../../api/types'
import { useEmailAddresses } from '../../hooks/use-email-addresses'
import { useLatest } from '../../hooks/use-latest'
import { useLocalization } from '../../localization/localization-provider'
import { composeEventHandlers, useComposedRefs } from '../ui/compose'
import {
  EmailListProvider,
  type EmailListContextValue,
  HeldOrderContext,
} from './email-list-context'
import { EmailListItems } from './email-list-items'

/** Props of `EmailList`: a `<section>`'s props, and more. */
export interface EmailListProps extends HTMLAttributes<HTMLElement> {
  /** Shows a "Verify" action on unverified rows and calls this when it is chosen. */
  onVerify?: (address: EmailAddress) => void
  /** The list's parts, to lay the rows out yourself. @defaultValue `<EmailListItems />` */
  children?: ReactNode
}

/**
 * The signed-in user's addresses, in the hooks' order (primary, verified, pending, never prepared),
 * with badges and the actions that fit each row; loading, empty and error-with-retry states. Announces
 * removals and primary changes in a polite live region (failures in an assertive one).
 *
 * It is the root of a compound component: without children it renders the default rows; with
 * children, lay them out from `EmailListItems`, `EmailListItem` and the row's parts. State is in
 * `data-state` (`loading`, `error`, `ready`).
 *
 * @example
 * <EmailList onVerify={(address) => setVerifying(address.id)} />
 *
 * // Your own row layout:
 * <EmailList onVerify={startVerify}>
 *   <EmailListItems className="grid gap-2">
 *     {(address) => (
 *       <EmailListItem address={address} className="flex items-center gap-2">
 *         <EmailListItemAddress className="font-medium" />
 *         <EmailListItemBadges />
 *         <EmailListItemActions />
 *       </EmailListItem>
 *     )}
 *   </EmailListItems>
 * </EmailList>
 */
export const EmailList = forwardRef<HTMLElement, EmailListProps>(function EmailList(
  { onVerify, children, onPointerLeave, onKeyDown, ...props },
  forwardedRef,
) {
  const t = useLocalization()
  const { data, isPending, error } = useEmailAddresses()
  const [announcement, setAnnouncement] = useState({ message: '', alert: false })
  const [heldOrder, setHeldOrder] = useState<readonly string[] | null>(null)
  const section = useRef<HTMLElement>(null)
  const ref = useComposedRefs(forwardedRef, section)
  const latest = useLatest({ onVerify, order: data?.emailAddresses })
  const canVerify = onVerify !== undefined

  const context = useMemo<EmailListContextValue>(() => {
    const rows = new Map<string, HTMLElement>()
    return {
      canVerify,
      verify: (address) => latest.current.onVerify?.(address),
      announce: (message, options = {}) =>
        setAnnouncement({ message, alert: options.alert ?? false }),
      focusList: () => section.current?.focus(),
      focusRow: (id, from) => {
        const active = document.activeElement
        if (!from || active === from || active === null || active === document.body) {
          rows.get(id)?.focus()
        }
      },
      registerRow: (id, element) => {
        if (element) {
          rows.set(id, element)
        } else {
          rows.delete(id)
        }
      },
      holdOrder: () =>
        setHeldOrder((held) => held ?? latest.current.order?.map((address) => address.id) ?? null),
    }
  }, [canVerify, latest])

  return (
    <EmailListProvider value={context}>
      <HeldOrderContext.Provider value={heldOrder}>
        <section
          ref={ref}
          data-slot="rea-email-list"
          data-state={isPending ? 'loading' : error ? 'error' : 'ready'}
          aria-label={t.emailList.title}
          tabIndex={-1}
          {...props}
          // The pointer left, or the keyboard took over: the rows may take their new order now.
          onPointerLeave={composeEventHandlers(onPointerLeave, () => setHeldOrder(null))}
          onKeyDown={composeEventHandlers(onKeyDown, () => setHeldOrder(null))}
        >
          {children ?? <EmailListItems />}
          <p data-slot="rea-email-list-status" role="status">
            {announcement.alert ? '' : announcement.message}
          </p>
          <p data-slot="rea-email-list-alert" role="alert">
            {announcement.alert ? announcement.message : ''}
          </p>
        </section>
      </HeldOrderContext.Provider>
    </EmailListProvider>
  )
})
