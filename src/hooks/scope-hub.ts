import type { QueryClient } from '@tanstack/react-query'
import type { User } from '../api/types'
import type { EmailAddressesScope } from './query-keys'

/** An optimistic change the server has not answered yet. */
export interface PendingChange {
  /** The mutation it belongs to (`delete`, `setPrimary`). */
  readonly action: string
  /** The address it is about. */
  readonly id: string
  /** The user as it will be once the server agrees. */
  readonly apply: (user: User) => User
}

/**
 * What every provider of one scope (FAPI URL + session) and one query client shares: the optimistic
 * changes that every hook reading the user lays over the cache, and the intents in flight.
 *
 * The caches only ever hold what the server said. Reading through this overlay is what makes a
 * change show in the render of the click, for every consumer of the hooks: the store notifies React
 * synchronously, while TanStack Query batches cache notifications to its next tick. Rolling back is
 * dropping the change, so overlapping changes undo exactly (a failed "delete A" never resurrects a "B"
 * that succeeded meanwhile).
 */
export interface ScopeHub {
  /** The pending changes in the order they were made; the same array until one is added or dropped. */
  list(): readonly PendingChange[]
  /** Lays `change` over the user; the returned function drops it (a second call does nothing). */
  add(change: PendingChange): () => void
  subscribe(listener: () => void): () => void
  /**
   * The promise of each intent in flight (`create:jane@example.com`), so a repeated intent joins the
   * request already sent instead of sending another.
   */
  readonly inFlight: Map<string, Promise<unknown>>
}

const NONE: readonly PendingChange[] = Object.freeze([])

/**
 * Hubs live with their query client: providers that share a client share its cache, so they must share
 * the overlay too; providers with clients of their own are apart like two tabs (and kept in step the
 * same way). Nothing outlives the client, also on a server that renders many sessions.
 */
const hubs = new WeakMap<QueryClient, Map<string, ScopeHub>>()

/** The hub of `scope` in `queryClient`, created on first use. */
export function scopeHubOf(queryClient: QueryClient, scope: EmailAddressesScope): ScopeHub {
  let byScope = hubs.get(queryClient)
  if (!byScope) {
    byScope = new Map()
    hubs.set(queryClient, byScope)
  }
  const key = `${scope.baseUrl} ${scope.sessionId}`
  let hub = byScope.get(key)
  if (!hub) {
    hub = createScopeHub()
    byScope.set(key, hub)
  }
  return hub
}

function createScopeHub(): ScopeHub {
  let changes = NONE
  const listeners = new Set<() => void>()
  const emit = () => {
    for (const listener of listeners) {
      listener()
    }
  }
  return {
    list: () => changes,
    add(change) {
      changes = [...changes, change]
      emit()
      return () => {
        if (changes.includes(change)) {
          const rest = changes.filter((candidate) => candidate !== change)
          changes = rest.length === 0 ? NONE : rest
          emit()
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    inFlight: new Map(),
  }
}

/** The user with every pending change applied, in order. */
export function applyPending(user: User, changes: readonly PendingChange[]): User {
  return changes.reduce((current, change) => change.apply(current), user)
}
