'use client'

import { createContext } from 'react'
import type { EmailAddress } from '../../api/types'
import { createPartContext } from '../ui/compose'

/** What the list's parts share; every member is stable, so rows do not re-render for it. */
export interface EmailListContextValue {
  /** `onVerify` of `EmailList`, or `undefined` when the app did not ask for a Verify action. */
  readonly canVerify: boolean
  verify(address: EmailAddress): void
  /** Says something in the list's live region (`alert` for failures). */
  announce(message: string, options?: { alert?: boolean }): void
  /** Moves focus to the list itself (a removed row's buttons are gone). */
  focusList(): void
  /** Moves focus to a row, if it is still on `from` (or nowhere): never away from where the user went. */
  focusRow(id: string, from?: Element): void
  /** Rows register their element, so focus can find them without ids in the document. */
  registerRow(id: string, element: HTMLElement | null): void
  /** A pointer gesture on a row's action: keep the rows where they are until the pointer leaves. */
  holdOrder(): void
}

export const [EmailListProvider, useEmailListContext] =
  createPartContext<EmailListContextValue>('EmailList')

/** The display order the list holds during a pointer gesture, or `null`. */
export const HeldOrderContext = createContext<readonly string[] | null>(null)

/**
 * A row's state as one number, so each row's context value compares by value: a row re-renders only
 * when its own state changes, not when another row's does.
 */
export const ROW = {
  primary: 1,
  only: 2,
  /** A make-primary of this row is in flight. */
  primaryPendingHere: 4,
  /** A make-primary of any row is in flight: one intent at a time. */
  primaryPending: 8,
  /** The user's only verified address, beside unverified ones: the server keeps it (PROTOCOL §5.6). */
  lastVerified: 16,
} as const

/** The state `EmailListItems` gives each row; `null` outside `EmailListItems`. */
export const RowStateContext = createContext<number | null>(null)

/** What a row's parts share. */
export interface EmailListItemContextValue {
  readonly address: EmailAddress
  readonly isPrimary: boolean
  readonly isOnly: boolean
  /** The user's only verified address (others are unverified): it cannot be removed either. */
  readonly isLastVerified: boolean
  readonly isVerified: boolean
  readonly state: number
  /** Whether the remove confirmation is open. */
  readonly removeOpen: boolean
  setRemoveOpen(open: boolean): void
  /** Set when the confirmation was cancelled, so the Remove button takes focus back. */
  readonly returnFocus: boolean
  /** The id of the reason the address cannot be removed, once that text is on screen. */
  readonly reasonId: string | undefined
  registerReason(element: HTMLElement | null): void
}

export const [EmailListItemProvider, useEmailListItemContext] =
  createPartContext<EmailListItemContextValue>('EmailListItem')
