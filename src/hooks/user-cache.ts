import { notifyManager, type QueryClient } from '@tanstack/react-query'
import type { EmailAddress, User } from '../api/types'
import { type ScopeHub, scopeHubOf } from './scope-hub'
import { type EmailAddressesScope, emailAddressKeys } from './query-keys'

/**
 * The `me` cache entry of one scope, written only with users the server sent (a mutation's answer, a
 * poll, another tab, clerk-js). Optimistic changes are not written here: they live in `pending` and
 * are laid over the cached user when it is read.
 */
export interface UserCache {
  /** The cached user as the server last said it, if any. */
  current(): User | undefined
  /**
   * Writes a user the server sent. `broadcast` tells other tabs (default true). `settle` runs in the
   * same render as the cache update, so a confirmed optimistic change is dropped without a flicker.
   */
  confirm(user: User, options?: { broadcast?: boolean; settle?: () => void }): void
  readonly hub: ScopeHub
}

/** Creates the cache writer of one scope. `onConfirm` publishes confirmed users (cross-tab sync). */
export function createUserCache(
  queryClient: QueryClient,
  scope: EmailAddressesScope,
  onConfirm: (user: User) => void,
): UserCache {
  const key = emailAddressKeys.me(scope)
  const hub = scopeHubOf(queryClient, scope)
  return {
    current: () => queryClient.getQueryData<User>(key),
    confirm(user, { broadcast = true, settle } = {}) {
      // TanStack delivers cache updates to components on its next tick; scheduling `settle` in the
      // same batch makes React render both changes at once.
      notifyManager.batch(() => {
        queryClient.setQueryData<User>(key, user)
        if (settle) {
          notifyManager.schedule(settle)
        }
      })
      if (broadcast) {
        onConfirm(user)
      }
    },
    hub,
  }
}

/** The user without the address `id` (the primary moves to another verified one, as the server does). */
export function withoutEmailAddress(user: User, id: string): User {
  const emailAddresses = user.emailAddresses.filter((address) => address.id !== id)
  let primaryEmailAddressId = user.primaryEmailAddressId
  if (primaryEmailAddressId === id) {
    // The oldest other verified address by `createdAt` (the emulator's rule, PROTOCOL §5.6), whatever
    // order the cache holds them in. With none, Clerk refuses the removal (400
    // `last_required_identification_deletion_failed`) and the rollback undoes this prediction; `null`
    // is real only when the removed primary was itself unverified.
    let next: EmailAddress | undefined
    for (const address of emailAddresses) {
      const verified = address.verification?.status === 'verified'
      if (verified && (next === undefined || address.createdAt < next.createdAt)) {
        next = address
      }
    }
    primaryEmailAddressId = next?.id ?? null
  }
  return { ...user, emailAddresses, primaryEmailAddressId }
}

/** The user with `address` added or replaced, for answers that carried no client. */
export function withEmailAddress(user: User, address: EmailAddress): User {
  const exists = user.emailAddresses.some((candidate) => candidate.id === address.id)
  const emailAddresses = exists
    ? user.emailAddresses.map((candidate) => (candidate.id === address.id ? address : candidate))
    : [...user.emailAddresses, address]
  return { ...user, emailAddresses }
}
