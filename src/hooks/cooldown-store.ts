/**
 * When each address may be sent a new code or link. Kept per scope in memory and in `sessionStorage`,
 * so the countdown survives a remount and a reload of the page (but not a new tab or a new session).
 * Storage is read when the first component subscribes, never during render or on a server.
 */
import { perPage } from './page-registry'

/** The resend times of one scope, keyed by address id (epoch ms). */
export interface CooldownStore {
  resendAt(id: string): number | null
  set(id: string, resendAt: number): void
  subscribe(listener: () => void): () => void
}

const stores = new Map<string, CooldownStore>()

/** The store of `storageKey`, shared by every provider of the same scope on the page. */
export function getCooldownStore(storageKey: string): CooldownStore {
  return perPage(stores, storageKey, () => createCooldownStore(storageKey))
}

function createCooldownStore(storageKey: string): CooldownStore {
  const listeners = new Set<() => void>()
  const times = new Map<string, number>()
  let loaded = false
  const emit = () => {
    for (const listener of listeners) {
      listener()
    }
  }
  const load = () => {
    if (!loaded) {
      loaded = true
      for (const [id, at] of Object.entries(loadTimes(storageKey))) {
        if (!times.has(id)) {
          times.set(id, at)
        }
      }
    }
  }

  return {
    resendAt: (id) => times.get(id) ?? null,
    set(id, resendAt) {
      load()
      times.set(id, resendAt)
      save(storageKey, Object.fromEntries(times))
      emit()
    },
    subscribe(listener) {
      listeners.add(listener)
      if (!loaded) {
        // After hydration: the first render showed no countdown, as the server's did.
        load()
        if (times.size > 0) {
          emit()
        }
      }
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

function loadTimes(storageKey: string): Record<string, number> {
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
