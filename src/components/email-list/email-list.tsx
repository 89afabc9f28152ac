'use client'

import { type ReactNode, useCallback, useState } from 'react'
import type { EmailAddress } from '../../api/types'
import { toEmailAddressesData } from '../../hooks/sort-email-addresses'
import { useEmailAddresses } from '../../hooks/use-email-addresses'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { Button } from '../ui/button'
import { EmailListItem, type EmailListItemContext } from './email-list-item'

/** Props of `EmailList`. */
export interface EmailListProps {
  className?: string
  /** Shows a "Verify" action on unverified rows and calls this when it is chosen. */
  onVerify?: (address: EmailAddress) => void
  /** Replaces each row; return an `EmailListItem` with your own `actions`, or anything else. */
  renderItem?: (address: EmailAddress, context: EmailListItemContext) => ReactNode
}

/**
 * The signed-in user's addresses in the hooks' order (primary, verified, pending, never prepared), with
 * badges and per-row actions; a loading state, an empty state, and an error state with retry.
 * Announces removals and primary changes in a polite live region.
 *
 * @example
 * <EmailList onVerify={(address) => setVerifying(address.id)} />
 */
export function EmailList({ className, onVerify, renderItem }: EmailListProps) {
  const t = useLocalization()
  const { data, isPending, error, refetch } = useEmailAddresses()
  // A make-primary in flight, shown (badge and order) in the click's own render; see onPrimaryPending.
  const [pendingPrimaryId, setPendingPrimaryId] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState({ message: '', alert: false })
  const announce = useCallback(
    (message: string, options: { alert?: boolean } = {}) =>
      setAnnouncement({ message, alert: options.alert ?? false }),
    [],
  )

  let body: ReactNode
  if (isPending) {
    body = (
      <div data-slot="rea-email-list-skeleton" aria-busy="true">
        {t.emailList.loading}
      </div>
    )
  } else if (error) {
    body = (
      <div data-slot="rea-email-list-error" role="alert">
        <p>
          {t.emailList.loadFailed} {errorMessage(t, error)}
        </p>
        <Button onClick={() => void refetch()}>{t.emailList.retry}</Button>
      </div>
    )
  } else if (data.emailAddresses.length === 0) {
    body = <p data-slot="rea-email-list-empty">{t.emailList.empty}</p>
  } else {
    const isOnly = data.emailAddresses.length === 1
    const shown = pendingPrimaryId
      ? toEmailAddressesData({ ...data, primaryEmailAddressId: pendingPrimaryId })
      : data
    body = (
      <ul data-slot="rea-email-list-items">
        {shown.emailAddresses.map((address) => {
          const context = {
            isPrimary: address.id === shown.primaryEmailAddressId,
            isOnly,
            onVerify,
            onAnnounce: announce,
            onPrimaryPending: setPendingPrimaryId,
          }
          return renderItem ? (
            renderItem(address, context)
          ) : (
            <EmailListItem key={address.id} address={address} {...context} />
          )
        })}
      </ul>
    )
  }
  return (
    <section
      data-slot="rea-email-list"
      data-state={isPending ? 'loading' : error ? 'error' : 'ready'}
      className={className}
      aria-label={t.emailList.title}
      tabIndex={-1}
    >
      {body}
      <p data-slot="rea-email-list-status" role="status">
        {announcement.alert ? '' : announcement.message}
      </p>
      <p data-slot="rea-email-list-alert" role="alert">
        {announcement.alert ? announcement.message : ''}
      </p>
    </section>
  )
}
