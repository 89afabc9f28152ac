'use client'

import { forwardRef, Fragment, type HTMLAttributes, type ReactNode, useContext } from 'react'
import type { EmailAddress } from '../../api/types'
import { useEmailAddresses } from '../../hooks/use-email-addresses'
import { usePendingChanges } from '../../hooks/use-pending-changes'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { Button } from '../ui/button'
import { HeldOrderContext, ROW, RowStateContext, useEmailListContext } from './email-list-context'
import { EmailListItem } from './email-list-item'

/**
 * Props of `EmailListItems`: a `<ul>`'s props, and a row renderer.
 *
 * @example
 * const props: EmailListItemsProps = {
 *   className: 'divide-y',
 *   children: (address) => <EmailListItem address={address} />,
 * }
 */
export interface EmailListItemsProps extends Omit<HTMLAttributes<HTMLUListElement>, 'children'> {
  /** Renders one row; return an `EmailListItem`. @defaultValue the default `<EmailListItem>` */
  children?: (address: EmailAddress) => ReactNode
}

/**
 * The rows of an `EmailList`, as a `<ul>` (its props and ref go there); while loading, on a failed
 * load (with a retry) and with no addresses it shows that state instead. Give it a function child to
 * render each row yourself.
 *
 * @example
 * <EmailListItems>{(address) => <EmailListItem address={address} />}</EmailListItems>
 */
export const EmailListItems = forwardRef<HTMLUListElement, EmailListItemsProps>(
  function EmailListItems({ children, ...props }, ref) {
    useEmailListContext('EmailListItems')
    const t = useLocalization()
    const { data, isPending, error, refetch } = useEmailAddresses()
    const held = useContext(HeldOrderContext)
    const pending = usePendingChanges()
    if (isPending) {
      return (
        <div data-slot="rea-email-list-skeleton" aria-busy="true">
          {t.emailList.loading}
        </div>
      )
    }
    if (error) {
      return (
        <div data-slot="rea-email-list-error" role="alert">
          <p>
            {t.emailList.loadFailed} {errorMessage(t, error)}
          </p>
          <Button onClick={() => void refetch()}>{t.emailList.retry}</Button>
        </div>
      )
    }
    if (data.emailAddresses.length === 0) {
      return <p data-slot="rea-email-list-empty">{t.emailList.empty}</p>
    }
    const primaryPending = pending.filter((change) => change.action === 'setPrimary')
    const only = data.emailAddresses.length === 1 ? ROW.only : 0
    const verified = data.emailAddresses.filter((a) => a.verification?.status === 'verified')
    const busy = primaryPending.length > 0 ? ROW.primaryPending : 0
    return (
      <ul ref={ref} data-slot="rea-email-list-items" {...props}>
        {inHeldOrder(data.emailAddresses, held).map((address) => {
          const state =
            only |
            busy |
            (address.id === data.primaryEmailAddressId ? ROW.primary : 0) |
            (!only && verified.length === 1 && verified[0] === address ? ROW.lastVerified : 0) |
            (primaryPending.some((change) => change.id === address.id) ? ROW.primaryPendingHere : 0)
          return (
            <RowStateContext.Provider key={address.id} value={state}>
              {children ? (
                <Fragment>{children(address)}</Fragment>
              ) : (
                <EmailListItem address={address} />
              )}
            </RowStateContext.Provider>
          )
        })}
      </ul>
    )
  },
)

/** The addresses in the order held for a pointer gesture (new ones last), else as they come. */
function inHeldOrder(addresses: EmailAddress[], held: readonly string[] | null): EmailAddress[] {
  if (!held) {
    return addresses
  }
  const rank = (address: EmailAddress) => {
    const at = held.indexOf(address.id)
    return at === -1 ? held.length : at
  }
  return [...addresses].sort((a, b) => rank(a) - rank(b))
}
