/**
 * When each address may be sent a new code or link. Kept per scope in memory and in `sessionStorage`,
 * so the countdown survives a remount and a reload of the page (but not a new tab or a new session).
 */

/** The resend times of one scope, keyed by address id (epoch ms). */
export interface CooldownStore {
  resendAt(id: string): number | null
  set(id: string, resendAt: number): void
  subscribe(listener: () => void): () => void
}

const stores = new Map<string, CooldownStore>()

/** The store of `storageKey`, shared by every provider of the same scope on the page. */
export function getCooldownStore(storageKey: string): CooldownStore {
  let store = stores.get(storageKey)
  if (!store) {
    store = createCooldownStore(storageKey)
    stores.set(storageKey, store)
  }
  return store
}

function createCooldownStore(storageKey: string): CooldownStore {
  const listeners = new Set<() => void>()
  const times = new Map<string, number>(Object.entries(load(storageKey)))

  return {
    resendAt: (id) => times.get(id) ?? null,
    set(id, resendAt) {
      times.set(id, resendAt)
      save(storageKey, Object.fromEntries(times))
      for (const listener of listeners) {
        listener()
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null // Blocked storage (privacy settings, sandboxed frames): keep it in memory only.
  }
}

function load(storageKey: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(storageKey) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null) {
      return {}
    }
    const now = Date.now()
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > now,
      ),
    )
  } catch {
    return {}
  }
}

function save(storageKey: string, times: Record<string, number>): void {
  try {
    storage()?.setItem(storageKey, JSON.stringify(times))
  } catch {
    // Quota or privacy mode: the in-memory countdown still works.
  }
}
