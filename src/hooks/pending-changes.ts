import type { User } from '../api/types'

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
 * The optimistic changes of one scope, laid over the cached user by every hook that reads it.
 *
 * The cache itself only ever holds what the server said. Reading through this overlay is what makes a
 * change show in the render of the click, for every consumer of the hooks: the store notifies React
 * synchronously, while TanStack Query batches cache notifications to its next tick. Rolling back is
 * dropping the change, so overlapping changes undo exactly (a failed "delete A" never resurrects a "B"
 * that succeeded meanwhile).
 */
export interface PendingChanges {
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

/** Creates the pending-change store of one scope. */
export function createPendingChanges(): PendingChanges {
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
