'use client'

import {
  forwardRef,
  Fragment,
  type HTMLAttributes,
  type LiHTMLAttributes,
  memo,
  useCallback,
  useContext,
  useId,
  useMemo,
  useState,
} from 'react'
import type { EmailAddress } from '../../api/types'
import { useControllableState } from '../../hooks/use-controllable-state'
import { toUnicodeEmail } from '../../localization/idn'
import { useLocalization } from '../../localization/localization-provider'
import { Badge } from '../ui/badge'
import { useComposedRefs } from '../ui/compose'
import {
  EmailListItemProvider,
  type EmailListItemContextValue,
  ROW,
  RowStateContext,
  useEmailListContext,
  useEmailListItemContext,
} from './email-list-context'
import { EmailListItemActions, EmailListItemRemoveReason } from './email-list-item-actions'

/** Props of `EmailListItem`: an `<li>`'s props, its address, and the remove confirmation's state. */
export interface EmailListItemProps extends LiHTMLAttributes<HTMLLIElement> {
  address: EmailAddress
  /** Whether the remove confirmation is open (controlled). */
  removeOpen?: boolean
  /** Whether it starts open (uncontrolled). @defaultValue false */
  defaultRemoveOpen?: boolean
  /** Told when the confirmation opens or closes. */
  onRemoveOpenChange?: (open: boolean) => void
}

/**
 * One row of `EmailListItems`: an `<li>` with its address, badges and actions (or the parts you put
 * in it). State is in `data-primary`, `data-verification` (`verified`, `unverified`) and
 * `data-pending` (a make-primary of this row is in flight).
 *
 * @example
 * <EmailListItems>
 *   {(address) => (
 *     <EmailListItem address={address}>
 *       <EmailListItemAddress />
 *       <EmailListItemActions>
 *         <EmailListItemMakePrimary />
 *         <EmailListItemRemove />
 *       </EmailListItemActions>
 *     </EmailListItem>
 *   )}
 * </EmailListItems>
 */
export const EmailListItem = memo(
  forwardRef<HTMLLIElement, EmailListItemProps>(function EmailListItem(
    {
      address,
      removeOpen: removeOpenProp,
      defaultRemoveOpen = false,
      onRemoveOpenChange,
      children,
      ...props
    },
    forwardedRef,
  ) {
    const list = useEmailListContext('EmailListItem')
    const state = useContext(RowStateContext)
    if (state === null) {
      throw new Error(
        'react-email-addresses: `EmailListItem` must be used within `EmailListItems`.',
      )
    }
    const [removeOpen, setOpen] = useControllableState({
      prop: removeOpenProp,
      defaultProp: defaultRemoveOpen,
      onChange: onRemoveOpenChange,
    })
    const [returnFocus, setReturnFocus] = useState(false)
    const [reasonShown, setReasonShown] = useState(false)
    const reasonId = useId()
    const { id } = address
    const register = useCallback(
      (element: HTMLLIElement | null) => list.registerRow(id, element),
      [list, id],
    )
    const ref = useComposedRefs(forwardedRef, register)
    const isVerified = address.verification?.status === 'verified'

    const row = useMemo<EmailListItemContextValue>(
      () => ({
        address,
        state,
        isPrimary: (state & ROW.primary) !== 0,
        isOnly: (state & ROW.only) !== 0,
        isLastVerified: (state & ROW.lastVerified) !== 0,
        isVerified,
        removeOpen,
        setRemoveOpen: (open) => {
          setReturnFocus(!open)
          setOpen(open)
        },
        returnFocus,
        reasonId: reasonShown ? reasonId : undefined,
        registerReason: (element) => setReasonShown(element !== null),
      }),
      [address, state, isVerified, removeOpen, setOpen, returnFocus, reasonShown, reasonId],
    )
    return (
      <EmailListItemProvider value={row}>
        <li
          ref={ref}
          data-slot="rea-email-list-item"
          data-primary={row.isPrimary ? '' : undefined}
          data-verification={isVerified ? 'verified' : 'unverified'}
          data-pending={state & ROW.primaryPendingHere ? '' : undefined}
          tabIndex={-1}
          {...props}
        >
          {children ?? (
            <>
              <EmailListItemAddress /> <EmailListItemBadges /> <EmailListItemActions />
              <EmailListItemRemoveReason />
            </>
          )}
        </li>
      </EmailListItemProvider>
    )
  }),
)

/**
 * The row's address, as a `<span>`.
 *
 * @example
 * <EmailListItemAddress className="font-medium" />
 */
export const EmailListItemAddress = forwardRef<HTMLSpanElement, HTMLAttributes<HTMLSpanElement>>(
  function EmailListItemAddress({ children, ...props }, ref) {
    const { address } = useEmailListItemContext('EmailListItemAddress')
    return (
      <span ref={ref} data-slot="rea-email-list-item-address" {...props}>
        {children ?? toUnicodeEmail(address.emailAddress)}
      </span>
    )
  },
)

/** `oauth_google` → "Google", `saml` → "SAML". */
function providerName(type: string): string {
  const name = type.replace(/^oauth_/, '').replace(/_/g, ' ')
  return type === 'saml' ? 'SAML' : name.charAt(0).toUpperCase() + name.slice(1)
}

/**
 * The row's badges, as a `<span>`: primary, verified or unverified, and each linked account
 * (children replace them).
 *
 * @example
 * <EmailListItemBadges className="flex gap-1" />
 */
export const EmailListItemBadges = forwardRef<HTMLSpanElement, HTMLAttributes<HTMLSpanElement>>(
  function EmailListItemBadges({ children, ...props }, ref) {
    const t = useLocalization()
    const { address, isPrimary, isVerified } = useEmailListItemContext('EmailListItemBadges')
    // Spaces between the badges keep them apart when no stylesheet lays them out.
    const badges = children ?? (
      <>
        {isPrimary && <Badge tone="info">{t.badges.primary}</Badge>}{' '}
        <Badge tone={isVerified ? 'success' : 'warning'}>
          {isVerified ? t.badges.verified : t.badges.unverified}
        </Badge>
        {address.linkedTo.map((link) => (
          <Fragment key={link.id}>
            {' '}
            <Badge>{t.badges.linkedTo(providerName(link.type))}</Badge>
          </Fragment>
        ))}
      </>
    )
    return (
      <span ref={ref} data-slot="rea-email-list-item-badges" {...props}>
        {badges}
      </span>
    )
  },
)
