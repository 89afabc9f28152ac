'use client'

import { useSyncExternalStore } from 'react'
import { useEmailAddressesContext } from './email-addresses-provider'
import type { PendingChange } from './scope-hub'

/**
 * The optimistic changes in flight for the provider's scope (`delete`, `setPrimary`), updated in the
 * render of the call that made them. For UIs that keep one intent at a time (no second "Make
 * primary" while one is pending).
 */
export function usePendingChanges(): readonly PendingChange[] {
  const { hub } = useEmailAddressesContext().cache
  return useSyncExternalStore(hub.subscribe, hub.list, hub.list)
}
