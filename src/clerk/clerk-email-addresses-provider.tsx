'use client'

import { useClerk, useSession } from '@clerk/react'
import type { ReactNode } from 'react'
import { useCallback, useMemo } from 'react'
import {
  EmailAddressesProvider,
  type EmailAddressesProviderProps,
  type ReverificationRequest,
} from '../hooks/email-addresses-provider'
import { devBrowserTokenOf, fapiLocationOf, openClerkReverification } from './clerk-instance'
import { createClerkFetch } from './clerk-fetch'
import { ClerkUserSync } from './clerk-user-sync'

/** Props of `ClerkEmailAddressesProvider`: the provider's options that Clerk cannot supply. */
export type ClerkEmailAddressesProviderProps = Pick<
  EmailAddressesProviderProps,
  | 'queryClient'
  | 'onSessionExpired'
  | 'onReverificationRequired'
  | 'crossTabSync'
  | 'resendCooldownSeconds'
  | 'localization'
  | 'fetch'
  | 'apiVersion'
> & {
  /** Rendered until clerk-js has loaded (FAPI's location is not known before). @defaultValue null */
  fallback?: ReactNode
  children?: ReactNode
}

/**
 * `EmailAddressesProvider` for apps that already run Clerk's React SDK: it takes FAPI's location
 * (`proxyUrl` or `frontendApi`), the active session and, on development instances, the dev-browser
 * token from the loaded Clerk instance, and follows session switches and sign-out. A
 * `session_reverification_required` opens Clerk's own reverification modal (unless you pass
 * `onReverificationRequired`). Our mutations update clerk-js's `user` from the client FAPI sends back
 * (no request), and changes made through clerk-js show in our hooks (no request). Place it inside
 * `<ClerkProvider>`.
 *
 * @example
 * import { ClerkProvider } from '@clerk/react'
 * import { ClerkEmailAddressesProvider } from 'react-email-addresses/clerk'
 *
 * <ClerkProvider publishableKey="pk_test_…">
 *   <ClerkEmailAddressesProvider>
 *     <EmailAddressManager />
 *   </ClerkEmailAddressesProvider>
 * </ClerkProvider>
 */
export function ClerkEmailAddressesProvider(props: ClerkEmailAddressesProviderProps) {
  const { fallback = null, children, fetch: baseFetch, onReverificationRequired, ...rest } = props
  const clerk = useClerk()
  // useSession re-renders on every session change, sign-out included; its id scopes our cache.
  const { isLoaded, session } = useSession()
  const sessionId = session?.id ?? null
  const fetch = useMemo(() => createClerkFetch(clerk, baseFetch), [clerk, baseFetch])
  const getDevBrowserToken = useCallback(() => devBrowserTokenOf(clerk), [clerk])
  const reverify = useCallback(
    (request: ReverificationRequest) =>
      onReverificationRequired
        ? onReverificationRequired(request)
        : openClerkReverification(clerk, request),
    [clerk, onReverificationRequired],
  )
  if (!isLoaded) {
    return <>{fallback}</>
  }
  return (
    <EmailAddressesProvider
      {...rest}
      {...fapiLocationOf(clerk)}
      sessionId={sessionId}
      fetch={fetch}
      getDevBrowserToken={getDevBrowserToken}
      onReverificationRequired={reverify}
    >
      <ClerkUserSync clerk={clerk} />
      {children}
    </EmailAddressesProvider>
  )
}
