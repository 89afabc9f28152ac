'use client'

/**
 * clerk-js → our hooks: whenever clerk-js emits (its own mutations, `<UserProfile/>`, token refreshes,
 * session changes), write `clerk.user` into our cache with `UserCache.confirm`. No request: clerk-js
 * already holds the user.
 */
import type { LoadedClerk } from '@clerk/react/types'
import { useEffect } from 'react'
import { useEmailAddressesContext } from '../hooks/email-addresses-provider'
import { emailAddressKeys } from '../hooks/query-keys'
import { userFromClerk } from './to-user'

/** Keeps the provider's cache equal to `clerk.user` for the provider's session. Renders nothing. */
export function ClerkUserSync({ clerk }: { clerk: LoadedClerk }): null {
  const { cache, scope, queryClient } = useEmailAddressesContext()
  useEffect(() => {
    let written: unknown = null
    const write = () => {
      const user = clerk.user
      // Only the scope's own session: during a switch, clerk-js may already hold the next user.
      if (!user || !scope.sessionId || clerk.session?.id !== scope.sessionId) {
        return
      }
      // clerk-js builds a new user object whenever its client changes, and emits for other reasons
      // too (tokens, organizations). Writing an unchanged object again could undo a newer user that
      // reached our cache another way (another tab), so only new objects are written.
      if (user === written) {
        return
      }
      written = user
      // Other tabs run their own clerk-js, which tells their caches; broadcasting would echo.
      cache.confirm(userFromClerk(user, cache.current()), { broadcast: false })
    }
    write() // Seeds the cache, so the first render needs no GET /v1/me.
    const unsubscribe = clerk.addListener(write)
    return () => {
      unsubscribe()
      // The session ended or changed: drop its data so nothing outlives it in memory.
      if (clerk.session?.id !== scope.sessionId) {
        queryClient.removeQueries({ queryKey: emailAddressKeys.all(scope) })
      }
    }
  }, [clerk, cache, scope, queryClient])
  return null
}
