'use client'

import { forwardRef, type HTMLAttributes, useCallback } from 'react'
import type { FapiError } from '../../api/fapi-error'
import { useDeleteEmailAddress } from '../../hooks/use-delete-email-address'
import { useSetPrimaryEmailAddress } from '../../hooks/use-set-primary-email-address'
import { errorMessage } from '../../localization/localization'
import { toUnicodeEmail } from '../../localization/idn'
import { useLocalization } from '../../localization/localization-provider'
import { Button, type ButtonProps, LabelledButton } from '../ui/button'
import { composeEventHandlers, useComposedRefs } from '../ui/compose'
import {
  type EmailListContextValue,
  ROW,
  useEmailListContext,
  useEmailListItemContext,
} from './email-list-context'

/**
 * The row's actions, as a `<div role="group">`. Without children: Verify (unverified, when the list
 * has `onVerify`), Make primary (verified, not primary), Remove, and `EmailListItemRemoveConfirm`.
 * While the removal is being confirmed, the other actions step aside for it (in any layout of the
 * parts). Why an address cannot be removed is `EmailListItemRemoveReason`, beside them in the row.
 *
 * @example
 * <EmailListItemActions>
 *   <EmailListItemMakePrimary variant="ghost" />
 *   <EmailListItemRemove />
 * </EmailListItemActions>
 */
export const EmailListItemActions = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function EmailListItemActions({ children, ...props }, ref) {
    const t = useLocalization()
    const row = useEmailListItemContext('EmailListItemActions')
    return (
      <div
        ref={ref}
        data-slot="rea-email-list-item-actions"
        role="group"
        aria-label={t.emailList.actionsFor(toUnicodeEmail(row.address.emailAddress))}
        {...props}
      >
        {children ?? (
          <>
            <EmailListItemVerify />
            <EmailListItemMakePrimary />
            <EmailListItemRemove />
            <EmailListItemRemoveConfirm />
          </>
        )}
      </div>
    )
  },
)

/**
 * "Verify", on an unverified row of a list with `onVerify` (nothing otherwise, nor while the row's
 * removal is being confirmed): calls `onVerify` with the address. A `Button`: every button prop,
 * `asChild` included.
 *
 * @example
 * <EmailListItemVerify variant="primary" />
 */
export const EmailListItemVerify = forwardRef<HTMLButtonElement, ButtonProps>(
  function EmailListItemVerify({ onClick, ...props }, ref) {
    const t = useLocalization()
    const list = useEmailListContext('EmailListItemVerify')
    const { address, isVerified, removeOpen } = useEmailListItemContext('EmailListItemVerify')
    if (isVerified || !list.canVerify || removeOpen) {
      return null
    }
    return (
      <LabelledButton
        ref={ref}
        label={t.actions.verify}
        {...props}
        onClick={composeEventHandlers(onClick, () => list.verify(address))}
      />
    )
  },
)

/**
 * "Make primary", on a verified row that is not the primary one (nothing otherwise, nor while the
 * row's removal is being confirmed). The badge and
 * the order change in the render of the click; the button keeps its place while the change is in
 * flight, and no other primary change can start meanwhile. Then focus goes to the new primary row.
 *
 * @example
 * <EmailListItemMakePrimary>Use as primary</EmailListItemMakePrimary>
 */
export const EmailListItemMakePrimary = forwardRef<HTMLButtonElement, ButtonProps>(
  function EmailListItemMakePrimary({ onClick, onPointerDown, ...props }, ref) {
    const t = useLocalization()
    const list = useEmailListContext('EmailListItemMakePrimary')
    const { address, isVerified, isPrimary, state, removeOpen } = useEmailListItemContext(
      'EmailListItemMakePrimary',
    )
    const announceFailure = useFailureAnnouncer(list, toUnicodeEmail(address.emailAddress))
    const setPrimary = useSetPrimaryEmailAddress({
      onSuccess: () => list.announce(t.actions.madePrimary(toUnicodeEmail(address.emailAddress))),
      onError: announceFailure,
    })
    const pendingHere = (state & ROW.primaryPendingHere) !== 0
    if (!isVerified || (isPrimary && !pendingHere) || removeOpen) {
      return null
    }
    // aria-disabled, not disabled: a disabled button drops focus to <body>.
    const unavailable = (state & ROW.primaryPending) !== 0
    return (
      <LabelledButton
        ref={ref}
        label={t.actions.makePrimary}
        aria-disabled={unavailable || undefined}
        {...props}
        // A pointer gesture: the rows stay where they are until the pointer leaves the list.
        onPointerDown={composeEventHandlers(onPointerDown, list.holdOrder)}
        onClick={composeEventHandlers(onClick, (event) => {
          if (unavailable) {
            return
          }
          const button = event.currentTarget
          setPrimary.mutate(
            { id: address.id },
            // Focus follows the change to its row, unless the user has moved on meanwhile.
            { onSuccess: () => list.focusRow(address.id, button) },
          )
        })}
      />
    )
  },
)

/**
 * "Remove": opens the row's confirmation (`EmailListItemRemoveConfirm`), and steps aside for it
 * while it is open. Disabled for the user's only
 * address, and for the only verified one while others are unverified (the server keeps one verified
 * address), described by the reason when `EmailListItemActions` shows it.
 *
 * @example
 * <EmailListItemRemove variant="ghost">Delete</EmailListItemRemove>
 */
export const EmailListItemRemove = forwardRef<HTMLButtonElement, ButtonProps>(
  function EmailListItemRemove({ onClick, ...props }, ref) {
    const t = useLocalization()
    const row = useEmailListItemContext('EmailListItemRemove')
    if (row.removeOpen) {
      return null
    }
    return (
      <LabelledButton
        ref={ref}
        label={t.actions.remove}
        variant="danger"
        disabled={row.isOnly || row.isLastVerified}
        aria-describedby={row.isOnly || row.isLastVerified ? row.reasonId : undefined}
        // Back from "Cancel": the confirmation's buttons are gone, focus returns here.
        autoFocus={row.returnFocus}
        {...props}
        onClick={composeEventHandlers(onClick, () => row.setRemoveOpen(true))}
      />
    )
  },
)

/**
 * Why the address cannot be removed, as a `<p>`: it is the user's only address, or the only verified
 * one beside unverified ones (nothing otherwise). `EmailListItemRemove` is described by it.
 *
 * @example
 * <EmailListItemRemoveReason className="text-sm text-muted-foreground" />
 */
export const EmailListItemRemoveReason = forwardRef<
  HTMLParagraphElement,
  HTMLAttributes<HTMLParagraphElement>
>(function EmailListItemRemoveReason({ children, ...props }, forwardedRef) {
  const t = useLocalization()
  const row = useEmailListItemContext('EmailListItemRemoveReason')
  const { registerReason } = row
  const register = useCallback(
    (element: HTMLElement | null) => registerReason(element),
    [registerReason],
  )
  const ref = useComposedRefs(forwardedRef, register)
  if (!row.isOnly && !row.isLastVerified) {
    return null
  }
  return (
    <p ref={ref} data-slot="rea-email-list-item-reason" id={row.reasonId} {...props}>
      {children ??
        (row.isOnly ? t.actions.lastAddressCannotBeRemoved : t.actions.lastVerifiedCannotBeRemoved)}
    </p>
  )
})

/**
 * The removal's confirmation, as a `<div role="group">`, while it is open: the question, "Remove" and
 * "Cancel" (focused: the safe choice). Removing hides the row in the render of the click and keeps
 * focus in the list; if the server refuses, the row comes back with the reason announced.
 *
 * @example
 * <EmailListItem address={address} removeOpen={open} onRemoveOpenChange={setOpen}>
 *   <EmailListItemAddress />
 *   {open ? <EmailListItemRemoveConfirm /> : <EmailListItemRemove />}
 * </EmailListItem>
 */
export const EmailListItemRemoveConfirm = forwardRef<
  HTMLDivElement,
  Omit<HTMLAttributes<HTMLDivElement>, 'children'>
>(function EmailListItemRemoveConfirm(props, ref) {
  const t = useLocalization()
  const list = useEmailListContext('EmailListItemRemoveConfirm')
  const row = useEmailListItemContext('EmailListItemRemoveConfirm')
  const { address } = row
  const announceFailure = useFailureAnnouncer(list, toUnicodeEmail(address.emailAddress))
  // Hook-level callbacks: the row unmounts while its removal is in flight, and must still report.
  const remove = useDeleteEmailAddress({ onError: announceFailure })
  if (!row.removeOpen) {
    return null
  }
  const confirm = () => {
    list.focusList()
    row.setRemoveOpen(false)
    list.announce(t.actions.removed(toUnicodeEmail(address.emailAddress)))
    remove.mutate({ id: address.id })
  }
  return (
    <div
      ref={ref}
      data-slot="rea-email-list-item-confirm"
      role="group"
      aria-label={t.actions.remove}
      {...props}
    >
      <p>{t.actions.confirmRemove(toUnicodeEmail(address.emailAddress))}</p>
      <Button variant="danger" onClick={confirm}>
        {t.actions.confirm}
      </Button>
      <Button variant="ghost" autoFocus onClick={() => row.setRemoveOpen(false)}>
        {t.actions.cancel}
      </Button>
    </div>
  )
})

/** Announces a failed change of `email` in `list`'s live region, worded for what the server said. */
function useFailureAnnouncer(list: EmailListContextValue, email: string) {
  const t = useLocalization()
  return (error: FapiError) => list.announce(`${email}: ${errorMessage(t, error)}`, { alert: true })
}
