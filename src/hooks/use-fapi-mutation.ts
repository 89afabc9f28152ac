'use client'

import {
  type MutateOptions,
  type MutationFunctionContext,
  useMutation,
  type UseMutationResult,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import { FapiError, isFapiError } from '../api/fapi-error'
import type { User } from '../api/types'
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

/**
 * What the user fetched after a lost answer says about a change: made (with the result the answer
 * would have given), not made, or impossible to tell from the user alone.
 */
export type Reconciled<TResult> =
  { outcome: 'made'; result: TResult } | { outcome: 'notMade' } | { outcome: 'unknown' }

/** The codes of a change whose answer was lost; the hooks' errors carry them, localized by code. */
export type LostAnswerCode =
  'change_not_applied' | 'change_unconfirmed' | 'verification_unconfirmed'

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
   * After an answer was lost (the server may have acted): what the user fetched afresh says about
   * the change. `before` is the cached user when the call was made.
   */
  confirmedBy: (
    variables: TVariables,
    user: User,
    before: User | undefined,
    context: EmailAddressesContextValue,
  ) => Reconciled<TResult> | Promise<Reconciled<TResult>>
  /** The code when the outcome is unknown (or the fetch failed). @defaultValue 'change_unconfirmed' */
  unconfirmedCode?: LostAnswerCode
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
 *   user is fetched once (`GET /v1/me`), then shown as the server has it, in the same render that
 *   drops the optimistic change (no flash of a guess): if the change was made the call succeeds as if
 *   the answer had arrived; if it was not, it fails with `change_not_applied` (the error's `user` is
 *   the fetched one); if the user cannot tell (a resend that kept the old code's expiry), with
 *   `change_unconfirmed` (prepare: `verification_unconfirmed`); if the fetch fails too, with the same
 *   code and no `user`: the list rolls back to what was last known and is marked stale. The lost
 *   error is the new error's `cause`.
 */
export function useFapiMutation<TVariables extends object, TResult>(
  config: FapiMutationConfig<TVariables, TResult>,
  callbacks: MutationCallbacks<TResult, TVariables> = {},
): UseMutationResult<TResult, FapiError, TVariables, unknown> {
  const context = useEmailAddressesContext()
  const { cache, queryClient, scope, run } = context
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
          return reconcile(latest.current.config, context, variables, before, error)
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
        if (isFapiError(error) && isLostAnswerError(error) && !error.user) {
          // What the list shows is what we last knew: fetch it again on the next focus or mount.
          void queryClient.invalidateQueries({
            queryKey: emailAddressKeys.me(scope),
            exact: true,
            refetchType: 'none',
          })
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
        // The repeat sends nothing, but its own callbacks still hear how the intent ended.
        if (options) {
          settleJoined(joined as Promise<TResult>, variables, options, {
            client: queryClient,
            meta: undefined,
            mutationKey: [...emailAddressKeys.mutations(scope), current.action],
          })
        }
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
/** Calls a joined repeat's `mutate(variables, options)` callbacks once the intent it joined settles. */
function settleJoined<TResult, TVariables>(
  joined: Promise<TResult>,
  variables: TVariables,
  options: MutateOptions<TResult, FapiError, TVariables>,
  context: MutationFunctionContext,
): void {
  joined.then(
    (result) => {
      options.onSuccess?.(result, variables, undefined, context)
      options.onSettled?.(result, null, variables, undefined, context)
    },
    (error: FapiError) => {
      options.onError?.(error, variables, undefined, context)
      options.onSettled?.(undefined, error, variables, undefined, context)
    },
  )
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

const LOST_ANSWER_CODES: readonly string[] = [
  'change_not_applied',
  'change_unconfirmed',
  'verification_unconfirmed',
] satisfies LostAnswerCode[]

function isLostAnswerError(error: FapiError): boolean {
  return LOST_ANSWER_CODES.includes(error.code)
}

/**
 * After a lost answer: one `GET /v1/me`, and the change judged against it. Resolves with the result
 * when it was made; otherwise throws the error that says what is known. Nothing is written to the
 * cache here: the mutation's own success or error handler writes the fetched user in the same render
 * that drops the optimistic change.
 */
async function reconcile<TVariables, TResult>(
  config: FapiMutationConfig<TVariables, TResult>,
  context: EmailAddressesContextValue,
  variables: TVariables,
  before: User | undefined,
  lost: FapiError,
): Promise<TResult> {
  const unconfirmed = config.unconfirmedCode ?? 'change_unconfirmed'
  let user: User
  try {
    user = (await context.run(() => context.client.me.get())).user
  } catch {
    throw lostAnswerError(unconfirmed, lost, null)
  }
  const verdict = await Promise.resolve(config.confirmedBy(variables, user, before, context)).catch(
    (): Reconciled<TResult> => ({ outcome: 'unknown' }),
  )
  if (verdict.outcome === 'made') {
    return verdict.result
  }
  throw lostAnswerError(
    verdict.outcome === 'notMade' ? 'change_not_applied' : unconfirmed,
    lost,
    user,
  )
}

const LOST_ANSWER_MESSAGES: Record<LostAnswerCode, string> = {
  change_not_applied: 'The answer was lost; the user fetched afresh shows the change was not made.',
  change_unconfirmed: 'The answer was lost, and whether the change was made could not be checked.',
  verification_unconfirmed:
    'The answer was lost, and whether the message was sent could not be checked.',
}

/** The error of a change whose answer was lost: what is known, the fetched user, the lost error. */
function lostAnswerError(code: LostAnswerCode, lost: FapiError, user: User | null): FapiError {
  return new FapiError({
    status: lost.status,
    errors: [{ code, message: LOST_ANSWER_MESSAGES[code], longMessage: null, meta: {} }],
    traceId: lost.traceId,
    user,
    cause: lost,
  })
}
