'use client'

import { type MutateOptions, useMutation, type UseMutationResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import { clientError, type FapiError, isFapiError } from '../api/fapi-error'
import type { User } from '../api/types'
import { emailAddressQueries } from './email-address-queries'
import {
  type EmailAddressesContextValue,
  useEmailAddressesContext,
} from './email-addresses-provider'
import type { PendingChange } from './scope-hub'
import { emailAddressKeys } from './query-keys'
import { useLatest } from './use-latest'

/** Callbacks every mutation hook accepts, beside those `mutate(variables, callbacks)` takes. */
export interface MutationCallbacks<TResult, TVariables> {
  onSuccess?: (result: TResult, variables: TVariables) => void
  onError?: (error: FapiError, variables: TVariables) => void
  onSettled?: (result: TResult | undefined, error: FapiError | null, variables: TVariables) => void
}

/** How one mutation hook differs from the others. */
export interface FapiMutationConfig<TVariables, TResult> {
  action: string
  call: (context: EmailAddressesContextValue, variables: TVariables) => Promise<TResult>
  /** The user to cache after success: the piggybacked one, or the current one patched. */
  userOf: (result: TResult, current: User | undefined) => User | null | undefined
  /** For changes the client can predict (delete, set primary): shown at once, undone exactly on failure. */
  optimistic?: (variables: TVariables) => Omit<PendingChange, 'action'>
  /** One intent, one request: a repeat while it is in flight joins it instead of sending again. */
  intentOf?: (variables: TVariables) => string
  /**
   * After an answer was lost (the server may have acted): the result, if the user fetched afresh
   * shows the change was made, else `null`.
   */
  confirmedBy: (variables: TVariables, user: User, before: User | undefined) => TResult | null
  afterSuccess?: (
    context: EmailAddressesContextValue,
    result: TResult,
    variables: TVariables,
  ) => void
  afterError?: (
    context: EmailAddressesContextValue,
    error: FapiError,
    variables: TVariables,
  ) => void
}

/** The drop function of each call's optimistic change, keyed by the call's own variables object. */
const drops = new WeakMap<object, () => void>()

const noop = () => undefined

/**
 * The shared engine of the mutation hooks.
 *
 * - `mutate` lays the optimistic change over the cache synchronously, so it shows in the render of the
 *   event that called it, for every consumer of the hooks; the change is dropped in the same render
 *   as the server's answer, or on failure (exactly that change, whatever else is pending).
 * - The answer's user is written into the cache: no refetch.
 * - One intent, one request: repeating a call that is in flight joins it.
 * - When the answer is lost (`network_error`, `invalid_response`: the server may have acted), the
 *   user is fetched once and shown as it is; if it shows the change was made the call succeeds, else
 *   it fails with the original error, or with `change_unconfirmed` when even that fetch failed.
 */
export function useFapiMutation<TVariables extends object, TResult>(
  config: FapiMutationConfig<TVariables, TResult>,
  callbacks: MutationCallbacks<TResult, TVariables> = {},
): UseMutationResult<TResult, FapiError, TVariables, unknown> {
  const context = useEmailAddressesContext()
  const { cache, queryClient, scope, run, client } = context
  const latest = useLatest({ config, callbacks })
  const mutation = useMutation<TResult, FapiError, TVariables>(
    {
      mutationKey: [...emailAddressKeys.mutations(scope), config.action],
      mutationFn: async (variables) => {
        const before = cache.current()
        try {
          return await run(() => latest.current.config.call(context, variables))
        } catch (error) {
          if (!isFapiError(error) || !isAnswerLost(error)) {
            throw error
          }
          const user = await queryClient
            .fetchQuery({ ...emailAddressQueries.me(client, scope), staleTime: 0 })
            .catch(() => null)
          if (!user) {
            throw clientError(
              error.status,
              'change_unconfirmed',
              'The change could not be confirmed.',
              {
                cause: error,
              },
            )
          }
          const confirmed = latest.current.config.confirmedBy(variables, user, before)
          if (confirmed === null) {
            throw error
          }
          return confirmed
        }
      },
      onSuccess: (result, variables) => {
        const { config: current, callbacks: hooks } = latest.current
        const drop = takeDrop(variables)
        const user = current.userOf(result, cache.current())
        if (user) {
          cache.confirm(user, { settle: drop })
        } else {
          drop()
        }
        current.afterSuccess?.(context, result, variables)
        hooks.onSuccess?.(result, variables)
      },
      onError: (error, variables) => {
        const { config: current, callbacks: hooks } = latest.current
        const drop = takeDrop(variables)
        if (isFapiError(error) && error.user) {
          cache.confirm(error.user, { settle: drop })
        } else {
          drop()
        }
        current.afterError?.(context, error, variables)
        hooks.onError?.(error, variables)
      },
      onSettled: (result, error, variables) =>
        latest.current.callbacks.onSettled?.(result, error, variables),
    },
    queryClient,
  )

  const send = mutation.mutateAsync
  const mutateAsync = useCallback(
    (variables: TVariables, options?: MutateOptions<TResult, FapiError, TVariables>) => {
      const { config: current } = latest.current
      const { hub } = cache
      const meKey = emailAddressKeys.me(scope)
      const intent = current.intentOf?.(variables)
      const joined = intent === undefined ? undefined : hub.inFlight.get(intent)
      if (joined) {
        return joined as Promise<TResult>
      }
      // Its own object, to find this call's optimistic change again when it settles.
      const own = { ...variables }
      if (current.optimistic) {
        // A list request in flight was sent before this change; its answer must not land after ours.
        if (queryClient.getQueryData(meKey) !== undefined) {
          void queryClient.cancelQueries({ queryKey: meKey, exact: true })
        }
        drops.set(own, hub.add({ action: current.action, ...current.optimistic(own) }))
      }
      const promise = send(own, options)
      if (intent !== undefined) {
        hub.inFlight.set(intent, promise)
        void promise.then(noop, noop).finally(() => hub.inFlight.delete(intent))
      }
      return promise
    },
    [latest, cache, queryClient, scope, send],
  )
  const mutate = useCallback(
    (variables: TVariables, options?: MutateOptions<TResult, FapiError, TVariables>) =>
      void mutateAsync(variables, options).catch(noop),
    [mutateAsync],
  )
  // TanStack types these with conditional rest parameters that a generic `TVariables` cannot meet;
  // the functions take exactly what TanStack's own `mutate` and `mutateAsync` take.
  return {
    ...mutation,
    mutate: mutate as typeof mutation.mutate,
    mutateAsync: mutateAsync as typeof mutation.mutateAsync,
  }
}
function takeDrop(variables: object): () => void {
  const drop = drops.get(variables) ?? noop
  drops.delete(variables)
  return drop
}

/** No trustworthy answer arrived: the request may or may not have been carried out. */
function isAnswerLost(error: FapiError): boolean {
  return error.code === 'network_error' || error.code === 'invalid_response'
}
