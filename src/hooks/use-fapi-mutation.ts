'use client'

import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import { type FapiError, isFapiError } from '../api/fapi-error'
import type { User } from '../api/types'
import {
  type EmailAddressesContextValue,
  useEmailAddressesContext,
} from './email-addresses-provider'
import { emailAddressKeys } from './query-keys'
import type { OptimisticChange } from './user-cache'

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
  optimistic?: (variables: TVariables) => (user: User) => User
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

/**
 * The shared engine of the mutation hooks: run the call (reverification, session expiry), write the
 * answer's user into the cache (no refetch), and lay optimistic changes on and off.
 */
export function useFapiMutation<TVariables, TResult>(
  config: FapiMutationConfig<TVariables, TResult>,
  callbacks: MutationCallbacks<TResult, TVariables> = {},
): UseMutationResult<TResult, FapiError, TVariables, { change?: OptimisticChange }> {
  const context = useEmailAddressesContext()
  const { cache, queryClient, scope, run } = context
  return useMutation(
    {
      mutationKey: [...emailAddressKeys.mutations(scope), config.action],
      mutationFn: (variables: TVariables) => run(() => config.call(context, variables)),
      onMutate: async (variables) => {
        if (!config.optimistic) {
          return {}
        }
        // A list request in flight would land after the change and overwrite it.
        await queryClient.cancelQueries({ queryKey: emailAddressKeys.me(scope) })
        return { change: cache.optimistic(config.optimistic(variables)) }
      },
      onSuccess: (result, variables, onMutateResult) => {
        const user = config.userOf(result, cache.current())
        if (user) {
          cache.confirm(user, { settle: onMutateResult?.change })
        }
        onMutateResult?.change?.settle()
        config.afterSuccess?.(context, result, variables)
        callbacks.onSuccess?.(result, variables)
      },
      onError: (error, variables, onMutateResult) => {
        if (isFapiError(error) && error.user) {
          cache.confirm(error.user, { settle: onMutateResult?.change })
        }
        onMutateResult?.change?.settle()
        config.afterError?.(context, error, variables)
        callbacks.onError?.(error, variables)
      },
      onSettled: (result, error, variables) => callbacks.onSettled?.(result, error, variables),
    },
    queryClient,
  )
}
