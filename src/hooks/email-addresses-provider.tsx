'use client'

import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import { createFapiClient, type FapiClient, type FapiClientOptions } from '../api/fapi-client'
import { type FapiError, isFapiError } from '../api/fapi-error'
import type { FapiLocation } from '../api/fapi-url'
import type { ResponseIssue } from '../api/parse'
import type { User } from '../api/types'
import type { LocalizationOverrides } from '../localization/localization'
import { LocalizationContext } from '../localization/localization-context'
import { type CooldownStore, getCooldownStore } from './cooldown-store'
import { subscribeCrossTab, type CrossTab } from './cross-tab'
import { type EmailAddressesScope, emailAddressKeys } from './query-keys'
import { useLatest } from './use-latest'
import { createUserCache, type UserCache } from './user-cache'

/** What `onReverificationRequired` receives: call `complete()` after the step-up, or `cancel()`. */
export interface ReverificationRequest {
  error: FapiError
  /** The user re-verified: the failed call is sent again, once. */
  complete(): void
  /** The user gave up: the call fails with the original `session_reverification_required` error. */
  cancel(): void
}

type ClientSource =
  | { client: FapiClient; publishableKey?: never; frontendApi?: never; proxyUrl?: never }
  | (FapiLocation & { client?: never })

/** Props of `EmailAddressesProvider`. */
export type EmailAddressesProviderProps = ClientSource &
  Pick<FapiClientOptions, 'fetch' | 'apiVersion' | 'getDevBrowserToken' | 'onResponseIssue'> & {
    /** The active session's id. Changing it switches to that session's data. */
    sessionId?: string | null
    /** Read on every render and request instead of `sessionId`. */
    getSessionId?: () => string | null | undefined
    /** The cache to use. @defaultValue the surrounding `QueryClientProvider`'s, else a private one */
    queryClient?: QueryClient
    /** Called when FAPI answers 401: the session ended or was revoked. */
    onSessionExpired?: (error: FapiError) => void
    /** Called on 403 `session_reverification_required`; without it the call just fails. */
    onReverificationRequired?: (request: ReverificationRequest) => void
    /** Keep other tabs of the same session up to date without requests. @defaultValue true */
    crossTabSync?: boolean
    /** Strings for the components: a full locale (`deDE`) or any subset of `enUS`. @defaultValue enUS */
    localization?: LocalizationOverrides
    /** Seconds before a code or link may be sent again, unless the server says otherwise. @defaultValue 30 */
    resendCooldownSeconds?: number
    children?: ReactNode
  }

/** What the hooks read from the provider (internal: apps use the hooks). */
export interface EmailAddressesContextValue {
  client: FapiClient
  scope: EmailAddressesScope
  queryClient: QueryClient
  cache: UserCache
  cooldowns: CooldownStore
  resendCooldownMs: number
  /** Runs a FAPI call: reports an ended session, and retries once after a reverification. */
  run<T>(call: () => Promise<T>): Promise<T>
}

const EmailAddressesContext = createContext<EmailAddressesContextValue | null>(null)

/**
 * Connects the hooks and components to Clerk's Frontend API for one signed-in session.
 *
 * @example
 * <EmailAddressesProvider publishableKey="pk_test_…" sessionId={session.id}>
 *   <EmailAddressManager />
 * </EmailAddressesProvider>
 */
export function EmailAddressesProvider(props: EmailAddressesProviderProps) {
  const outerQueryClient = useContext(QueryClientContext)
  const [privateQueryClient] = useState(() =>
    props.queryClient || outerQueryClient ? null : new QueryClient(),
  )
  const queryClient = props.queryClient ?? outerQueryClient ?? privateQueryClient
  if (!queryClient) {
    throw new Error('EmailAddressesProvider: the query client changed from provided to missing.')
  }
  useEffect(() => {
    // What QueryClientProvider does for its client: listen to window focus and online state.
    privateQueryClient?.mount()
    return () => privateQueryClient?.unmount()
  }, [privateQueryClient])

  const sessionId = (props.getSessionId ? props.getSessionId() : props.sessionId) ?? null
  // The client reads the session when it sends, i.e. after this render has committed.
  const sessionRef = useLatest(sessionId)
  const callbacks = useLatest(props)
  const client = useFapiClient(props, sessionRef, callbacks)
  const scopeSessionId = props.client ? props.client.getSessionId() : sessionId
  const scope = useMemo(
    () => ({ baseUrl: client.baseUrl, sessionId: scopeSessionId }),
    [client.baseUrl, scopeSessionId],
  )
  const scopeKey = `${scope.baseUrl}:${scope.sessionId}`

  // The tab's channel, opened by an effect; the cache publishes through it once it is open.
  const [crossTab] = useState<{ current: CrossTab | null }>(() => ({ current: null }))
  const cache = useMemo(
    () => createUserCache(queryClient, scope, publisher(crossTab)),
    [queryClient, scope, crossTab],
  )
  const crossTabSync = props.crossTabSync ?? true
  useEffect(() => {
    if (!crossTabSync) {
      return undefined
    }
    crossTab.current = subscribeCrossTab(scope, (user) => cache.confirm(user, { broadcast: false }))
    return () => {
      crossTab.current?.close()
      crossTab.current = null
    }
  }, [crossTabSync, scope, cache, crossTab])
  useEffect(
    () =>
      reportExpiredQueries(queryClient, scope, (error) =>
        callbacks.current.onSessionExpired?.(error),
      ),
    [queryClient, scope, callbacks],
  )

  const value = useMemo<EmailAddressesContextValue>(
    () => ({
      client,
      scope,
      queryClient,
      cache,
      cooldowns: getCooldownStore(`react-email-addresses:cooldown:${scopeKey}`),
      resendCooldownMs: (props.resendCooldownSeconds ?? 30) * 1000,
      run: (call) => runCall(call, callbacks.current),
    }),
    [client, scope, scopeKey, queryClient, cache, props.resendCooldownSeconds, callbacks],
  )
  return (
    <EmailAddressesContext.Provider value={value}>
      <LocalizationLayer overrides={props.localization}>{props.children}</LocalizationLayer>
    </EmailAddressesContext.Provider>
  )
}

/** Passes `localization` to the components without importing any strings (they live with them). */
function LocalizationLayer({
  overrides,
  children,
}: {
  overrides?: LocalizationOverrides
  children?: ReactNode
}) {
  const outer = useContext(LocalizationContext)
  const chain = useMemo(() => (overrides ? [...outer, overrides] : outer), [outer, overrides])
  return <LocalizationContext.Provider value={chain}>{children}</LocalizationContext.Provider>
}

/** The provider's value; throws a clear error outside `EmailAddressesProvider`. */
export function useEmailAddressesContext(): EmailAddressesContextValue {
  const value = useContext(EmailAddressesContext)
  if (!value) {
    throw new Error(
      'react-email-addresses: hooks and components must be inside <EmailAddressesProvider>.',
    )
  }
  return value
}

/**
 * One FAPI client for the provider's lifetime: rebuilt only when FAPI's location changes, not when the
 * app passes new `fetch` or `getDevBrowserToken` functions (inline arrows are new on every render),
 * which would lose the dev-browser token and the requests in flight that identical calls join.
 */
function useFapiClient(
  props: EmailAddressesProviderProps,
  sessionRef: { current: string | null },
  latest: { current: EmailAddressesProviderProps },
): FapiClient {
  const { client, publishableKey, frontendApi, proxyUrl, apiVersion } = props
  const hasFetch = props.fetch !== undefined
  const hasDevBrowserToken = props.getDevBrowserToken !== undefined
  return useMemo(() => {
    if (client) {
      return client
    }
    const shared = {
      apiVersion,
      ...latestCallbacks(sessionRef, latest, hasFetch, hasDevBrowserToken),
    }
    if (proxyUrl !== undefined) {
      return createFapiClient({ proxyUrl, publishableKey, ...shared })
    }
    if (frontendApi !== undefined) {
      return createFapiClient({ frontendApi, ...shared })
    }
    if (publishableKey !== undefined) {
      return createFapiClient({ publishableKey, ...shared })
    }
    throw new Error('EmailAddressesProvider needs publishableKey, frontendApi, proxyUrl or client.')
  }, [
    client,
    publishableKey,
    frontendApi,
    proxyUrl,
    apiVersion,
    hasFetch,
    hasDevBrowserToken,
    sessionRef,
    latest,
  ])
}

/**
 * The client's callbacks, each reading the provider's latest props when it is called (after render),
 * so the client never needs rebuilding for a new inline function.
 */
function latestCallbacks(
  session: { current: string | null },
  latest: { current: EmailAddressesProviderProps },
  hasFetch: boolean,
  hasDevBrowserToken: boolean,
): Pick<FapiClientOptions, 'getSessionId' | 'fetch' | 'getDevBrowserToken' | 'onResponseIssue'> {
  return {
    getSessionId: () => session.current,
    // The global one, should the app drop its own before the client is rebuilt.
    fetch: hasFetch
      ? (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init)
      : undefined,
    getDevBrowserToken: hasDevBrowserToken
      ? () => latest.current.getDevBrowserToken?.()
      : undefined,
    onResponseIssue: (issue: ResponseIssue) => latest.current.onResponseIssue?.(issue),
  }
}

/** Publishes confirmed users on the tab's channel, once the effect has opened it. */
function publisher(channel: { current: CrossTab | null }): (user: User) => void {
  return (user) => channel.current?.publish(user)
}

/**
 * Reports a 401 from any of the scope's queries (a session that ended or was revoked), as `run` does
 * for mutations. Queries share one definition with apps (`emailAddressQueries`), so they cannot call
 * the provider themselves; the provider watches the cache instead.
 */
function reportExpiredQueries(
  queryClient: QueryClient,
  scope: EmailAddressesScope,
  report: (error: FapiError) => void,
): () => void {
  const prefix = emailAddressKeys.all(scope)
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') {
      return
    }
    const { error } = event.action
    const ours = prefix.every((part, index) => event.query.queryKey[index] === part)
    if (ours && isFapiError(error) && isSessionExpiry(error)) {
      report(error)
    }
  })
}

function isSessionExpiry(error: FapiError): boolean {
  return error.status === 401 && error.code !== 'dev_browser_unauthenticated'
}

async function runCall<T>(call: () => Promise<T>, props: EmailAddressesProviderProps): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (!isFapiError(error)) {
      throw error
    }
    if (isSessionExpiry(error)) {
      props.onSessionExpired?.(error)
    }
    const onReverificationRequired = props.onReverificationRequired
    if (error.code !== 'session_reverification_required' || !onReverificationRequired) {
      throw error
    }
    const verified = await new Promise<boolean>((resolve) =>
      onReverificationRequired({
        error,
        complete: () => resolve(true),
        cancel: () => resolve(false),
      }),
    )
    if (!verified) {
      throw error
    }
    return call()
  }
}
