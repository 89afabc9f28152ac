'use client'

import { memo, type ReactNode, useId, useState } from 'react'
import type { FapiError } from '../../api/fapi-error'
import type { EmailAddress } from '../../api/types'
import { useDeleteEmailAddress } from '../../hooks/use-delete-email-address'
import { useSetPrimaryEmailAddress } from '../../hooks/use-set-primary-email-address'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { Badge } from '../ui/badge'
import { Button } from '../ui/button'

/** What a row knows besides its address. */
export interface EmailListItemContext {
  isPrimary: boolean
  /** The user's only address: it cannot be removed. */
  isOnly: boolean
  onVerify?: (address: EmailAddress) => void
  /** Tells the list what happened (`alert` for failures), for its live region. */
  onAnnounce?: (message: string, options?: { alert?: boolean }) => void
  /**
   * Told the address id when "Make primary" is clicked and `null` when that request settles, so the
   * list can show the new primary in the click's own frame (the cache's update lands a tick later).
   */
  onPrimaryPending?: (id: string | null) => void
}

/** Props of `EmailListItem`. */
export interface EmailListItemProps extends EmailListItemContext {
  address: EmailAddress
  className?: string
  /** Replaces the default actions (verify, make primary, remove). */
  actions?: ReactNode
}

/** `oauth_google` → "Google", `saml` → "SAML". */
function providerName(type: string): string {
  const name = type.replace(/^oauth_/, '').replace(/_/g, ' ')
  return type === 'saml' ? 'SAML' : name.charAt(0).toUpperCase() + name.slice(1)
}

/**
 * One address: its badges (primary, verified or unverified, linked accounts) and the actions that fit
 * its state. State is in `data-primary`, `data-verification` and `data-pending`.
 *
 * @example
 * <EmailListItem address={address} isPrimary={false} isOnly={false} onVerify={openVerify} />
 */
export const EmailListItem = memo(function EmailListItem({
  address,
  className,
  actions,
  ...context
}: EmailListItemProps) {
  const t = useLocalization()
  // Hidden in the same frame as the click; the cache drops the row a moment later (or, on failure,
  // the row comes back because this state resets).
  const [leaving, setLeaving] = useState(false)
  const verified = address.verification?.status === 'verified'
  return (
    <li
      data-slot="rea-email-list-item"
      data-primary={context.isPrimary ? '' : undefined}
      data-verification={verified ? 'verified' : 'unverified'}
      className={className}
      tabIndex={-1}
      id={`rea-email-${address.id}`}
      hidden={leaving}
    >
      <span data-slot="rea-email-list-item-address">{address.emailAddress}</span>
      <span data-slot="rea-email-list-item-badges">
        {context.isPrimary && <Badge tone="info">{t.badges.primary}</Badge>}
        <Badge tone={verified ? 'success' : 'warning'}>
          {verified ? t.badges.verified : t.badges.unverified}
        </Badge>
        {address.linkedTo.map((link) => (
          <Badge key={link.id}>{t.badges.linkedTo(providerName(link.type))}</Badge>
        ))}
      </span>
      {actions ?? (
        <EmailListItemActions address={address} onLeavingChange={setLeaving} {...context} />
      )}
    </li>
  )
})

/**
 * The default actions of a row: verify (unverified), make primary (verified, not primary), and remove
 * with a confirmation step (disabled, with the reason, for the only address).
 */
export function EmailListItemActions({
  address,
  isPrimary,
  isOnly,
  onVerify,
  onAnnounce,
  onPrimaryPending,
  onLeavingChange,
}: EmailListItemContext & {
  address: EmailAddress
  /** Told when a removal starts (`true`) and when it failed (`false`), to hide the row at once. */
  onLeavingChange?: (leaving: boolean) => void
}) {
  const t = useLocalization()
  const [confirming, setConfirming] = useState(false)
  // After "Cancel", focus goes back to "Remove" (the confirmation's buttons are gone).
  const [returnFocus, setReturnFocus] = useState(false)
  const reasonId = useId()
  // Hook-level callbacks: the row unmounts while its removal is pending, and must still report failure.
  const announceFailure = (error: FapiError) =>
    onAnnounce?.(`${address.emailAddress}: ${errorMessage(t, error)}`, { alert: true })
  const remove = useDeleteEmailAddress({
    onError: (error) => {
      onLeavingChange?.(false)
      announceFailure(error)
    },
  })
  const setPrimary = useSetPrimaryEmailAddress({
    onError: announceFailure,
    onSettled: () => onPrimaryPending?.(null),
  })
  const verified = address.verification?.status === 'verified'

  const makePrimary = () => {
    onPrimaryPending?.(address.id)
    setPrimary.mutate(
      { id: address.id },
      {
        onSuccess: () => {
          onAnnounce?.(t.actions.madePrimary(address.emailAddress))
          document.getElementById(`rea-email-${address.id}`)?.focus()
        },
      },
    )
  }
  const confirmRemove = (event: { currentTarget: HTMLElement }) => {
    // The row leaves at once (optimistic); keep focus in the list rather than losing it to <body>.
    event.currentTarget.closest<HTMLElement>('[data-slot="rea-email-list"]')?.focus()
    setConfirming(false)
    onLeavingChange?.(true)
    onAnnounce?.(t.actions.removed(address.emailAddress))
    remove.mutate({ id: address.id })
  }

  if (confirming) {
    return (
      <div
        key="confirm"
        data-slot="rea-email-list-item-confirm"
        role="group"
        aria-label={t.actions.remove}
      >
        <p>{t.actions.confirmRemove(address.emailAddress)}</p>
        <Button variant="danger" onClick={confirmRemove} autoFocus>
          {t.actions.confirm}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setConfirming(false)
            setReturnFocus(true)
          }}
        >
          {t.actions.cancel}
        </Button>
      </div>
    )
  }
  return (
    <div
      key="actions"
      data-slot="rea-email-list-item-actions"
      role="group"
      aria-label={t.emailList.actionsFor(address.emailAddress)}
    >
      {!verified && onVerify && (
        <Button onClick={() => onVerify(address)}>{t.actions.verify}</Button>
      )}
      {verified && !isPrimary && (
        <Button onClick={makePrimary} disabled={setPrimary.isPending}>
          {t.actions.makePrimary}
        </Button>
      )}
      <Button
        variant="danger"
        onClick={() => setConfirming(true)}
        autoFocus={returnFocus}
        disabled={isOnly || remove.isPending}
        aria-describedby={isOnly ? reasonId : undefined}
      >
        {t.actions.remove}
      </Button>
      {isOnly && (
        <p data-slot="rea-email-list-item-reason" id={reasonId}>
          {t.actions.lastAddressCannotBeRemoved}
        </p>
      )}
    </div>
  )
}
