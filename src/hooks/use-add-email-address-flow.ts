'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddress, EmailVerificationStrategy } from '../api/types'
import { useAttemptEmailAddressVerification } from './use-attempt-email-address-verification'
import { useCreateEmailAddress } from './use-create-email-address'
import { useDeleteEmailAddress } from './use-delete-email-address'
import { useEmailAddress } from './use-email-address'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'

/** Where the add flow is. */
export type AddEmailAddressFlowState =
  | { step: 'enterEmail' }
  | {
      step: 'verify'
      emailAddressId: string
      strategy: EmailVerificationStrategy
      emailAddress: EmailAddress | null
    }
  | { step: 'done'; emailAddress: EmailAddress }

/** Options of `useAddEmailAddressFlow`. */
export interface UseAddEmailAddressFlowOptions {
  /** How to verify, unless the domain belongs to enterprise SSO. @defaultValue 'email_code' */
  strategy?: 'email_code' | 'email_link'
  /** Where links and SSO return to; needed for `email_link` and SSO domains. Absolute http(s). */
  redirectUrl?: string
  /** How often to check a link or SSO verification. @defaultValue 1000 */
  pollIntervalMs?: number
  onDone?: (emailAddress: EmailAddress) => void
}

/** The flow's actions. Each resolves to `true` on success and never rejects: errors land in `error`. */
export interface AddEmailAddressFlowActions {
  submitEmail(emailAddress: string): Promise<boolean>
  /** Starts verifying an address that already exists (e.g. "Verify" on an unverified row). */
  verify(emailAddress: EmailAddress): Promise<boolean>
  submitCode(code: string): Promise<boolean>
  resend(): Promise<boolean>
  /** Switches to (or resends) the email link. */
  startLink(): Promise<boolean>
  /** Back to entering an address; the created address stays unverified. */
  back(): void
  /** Ends the flow; `removeAddress` also deletes the unverified address. */
  cancel(options?: { removeAddress?: boolean }): Promise<void>
  isPending: boolean
  /** The last failure of the current step. */
  error: FapiError | null
}

/**
 * The whole add → verify → done lifecycle as one state machine, for custom UIs.
 *
 * @example
 * const flow = useAddEmailAddressFlow({ onDone: (address) => toast(`${address.emailAddress} added`) })
 * if (flow.step === 'enterEmail') return <EmailForm onSubmit={flow.submitEmail} error={flow.error} />
 * if (flow.step === 'verify') return <CodeForm onSubmit={flow.submitCode} onResend={flow.resend} />
 * return <p>Added {flow.emailAddress.emailAddress}</p>
 */
export function useAddEmailAddressFlow(
  options: UseAddEmailAddressFlowOptions = {},
): AddEmailAddressFlowState & AddEmailAddressFlowActions {
  const [state, setState] = useState<AddEmailAddressFlowState>({ step: 'enterEmail' })
  const create = useCreateEmailAddress()
  const prepare = usePrepareEmailAddressVerification()
  const attempt = useAttemptEmailAddressVerification()
  const remove = useDeleteEmailAddress()
  const verifyId = state.step === 'verify' ? state.emailAddressId : ''
  const byLink = state.step === 'verify' && state.strategy !== 'email_code'
  const interval = options.pollIntervalMs ?? 1000
  const live = useEmailAddress(verifyId, {
    enabled: state.step === 'verify',
    refetchInterval:
      byLink && prepare.isSuccess ? (address) => (isVerified(address) ? false : interval) : false,
  }).data

  const send = useCallback(
    async (id: string, strategy: EmailVerificationStrategy) => {
      setState({ step: 'verify', emailAddressId: id, strategy, emailAddress: null })
      const redirectUrl = strategy === 'email_code' ? undefined : options.redirectUrl
      return prepare.mutateAsync({ id, strategy, redirectUrl }).then(succeeded, failed)
    },
    [prepare, options.redirectUrl],
  )

  const finished = state.step === 'verify' && live && isVerified(live) ? live : null
  const onDone = useRef(options.onDone)
  onDone.current = options.onDone
  useEffect(() => {
    if (finished) {
      setState({ step: 'done', emailAddress: finished })
      onDone.current?.(finished)
    }
  }, [finished])

  const verify = (address: EmailAddress) =>
    send(
      address.id,
      address.matchesSsoConnection ? 'enterprise_sso' : (options.strategy ?? 'email_code'),
    )
  const actions: AddEmailAddressFlowActions = {
    submitEmail: async (emailAddress) => {
      const created = await create.mutateAsync({ emailAddress }).catch(() => null)
      return created ? verify(created.emailAddress) : false
    },
    verify,
    submitCode: async (code) =>
      state.step === 'verify'
        ? attempt.mutateAsync({ id: state.emailAddressId, code }).then(succeeded, failed)
        : false,
    resend: async () =>
      state.step === 'verify' ? send(state.emailAddressId, state.strategy) : false,
    startLink: async () =>
      state.step === 'verify' ? send(state.emailAddressId, 'email_link') : false,
    back: () => setState({ step: 'enterEmail' }),
    cancel: async ({ removeAddress = false } = {}) => {
      if (removeAddress && state.step === 'verify') {
        await remove.mutateAsync({ id: state.emailAddressId }).catch(() => null)
      }
      setState({ step: 'enterEmail' })
    },
    isPending: create.isPending || prepare.isPending || attempt.isPending || remove.isPending,
    error: state.step === 'enterEmail' ? create.error : (attempt.error ?? prepare.error),
  }
  const current: AddEmailAddressFlowState =
    state.step === 'verify' ? { ...state, emailAddress: live ?? null } : state
  return { ...current, ...actions }
}

const succeeded = () => true
const failed = () => false

function isVerified(address: EmailAddress): boolean {
  return address.verification?.status === 'verified'
}
