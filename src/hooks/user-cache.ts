import type { QueryClient } from '@tanstack/react-query'
import type { EmailAddress, User } from '../api/types'
import { type EmailAddressesScope, emailAddressKeys } from './query-keys'

/** A pending optimistic change; `settle()` drops it once the server has answered, either way. */
export interface OptimisticChange {
  settle(): void
  readonly change: (user: User) => User
}

/**
 * The `me` cache entry as the server last said it, with pending optimistic changes laid on top.
 *
 * Rolling back by restoring a snapshot is wrong when changes overlap: if "delete A" fails after
 * "delete B" succeeded, A's snapshot predates B. Here every server answer replaces the confirmed user
 * and the still-pending changes are replayed on it, so a failed change disappears exactly and the
 * others stay.
 */
export interface UserCache {
  /** The cached user (with optimistic changes), if any. */
  current(): User | undefined
  /**
   * Writes a user the server sent. `broadcast` tells other tabs (default true); `settle` drops the
   * optimistic change the answer resolves in the same write, so nothing flickers.
   */
  confirm(user: User, options?: { broadcast?: boolean; settle?: OptimisticChange }): void
  /** Takes a freshly fetched user and returns what the cache should hold. */
  receive(user: User): User
  /** Lays `change` on the cached user until `settle()`. */
  optimistic(change: (user: User) => User): OptimisticChange
}

/** Creates the cache writer of one scope. `onConfirm` publishes confirmed users (cross-tab sync). */
export function createUserCache(
  queryClient: QueryClient,
  scope: EmailAddressesScope,
  onConfirm: (user: User) => void,
): UserCache {
  const key = emailAddressKeys.me(scope)
  const pending = new Set<(user: User) => User>()
  let confirmed: User | undefined

  const replay = (user: User) => [...pending].reduce((acc, change) => change(acc), user)
  const render = () => {
    if (confirmed) {
      queryClient.setQueryData<User>(key, replay(confirmed))
    }
    if (pending.size === 0) {
      // Nothing pending: the cache itself is the truth again (also after SSR or a prefetch).
      confirmed = undefined
    }
  }

  return {
    current: () => queryClient.getQueryData<User>(key),
    confirm(user, { broadcast = true, settle } = {}) {
      if (settle) {
        pending.delete(settle.change)
      }
      confirmed = user
      render()
      if (broadcast) {
        onConfirm(user)
      }
    },
    receive(user) {
      if (pending.size === 0) {
        return user
      }
      confirmed = user
      return replay(user)
    },
    optimistic(change) {
      confirmed ??= queryClient.getQueryData<User>(key)
      pending.add(change)
      render()
      return {
        change,
        settle() {
          if (pending.delete(change)) {
            render()
          }
        },
      }
    },
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
