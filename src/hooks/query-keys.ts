/**
 * Where this library's data lives in a TanStack Query cache. Every key starts with the FAPI base URL and
 * the session id, so two instances or two sessions never share data (TanStack: "if the query function
 * depends on a variable, include it in the key").
 */

/** Which FAPI and which session cached data belongs to. */
export interface EmailAddressesScope {
  /** FAPI's base URL, as `FapiClient.baseUrl`. */
  baseUrl: string
  sessionId: string | null
}

/**
 * The query key factory: the only place keys are spelled.
 *
 * @example
 * // After changing addresses through another channel, refetch them:
 * queryClient.invalidateQueries({ queryKey: emailAddressKeys.all(scope) })
 */
export const emailAddressKeys = {
  /** Everything of one scope. */
  all: (scope: EmailAddressesScope) =>
    ['react-email-addresses', scope.baseUrl, scope.sessionId] as const,
  /** The signed-in user (`GET /v1/me`): every address and the primary id. */
  me: (scope: EmailAddressesScope) => [...emailAddressKeys.all(scope), 'me'] as const,
  /** One address polled on its own (`GET /v1/me/email_addresses/{id}`). */
  detail: (scope: EmailAddressesScope, id: string) =>
    [...emailAddressKeys.all(scope), 'emailAddress', id] as const,
  /** Mutations of one scope, for `useIsMutating` / `useMutationState` filters. */
  mutations: (scope: EmailAddressesScope) => [...emailAddressKeys.all(scope), 'mutation'] as const,
}
