'use client'

import { useCallback, useEffect, useRef } from 'react'
import type { FapiError } from '../api/fapi-error'
import type { EmailAddress, EmailVerificationStrategy } from '../api/types'
import { useAttemptEmailAddressVerification } from './use-attempt-email-address-verification'
import { useControllableState } from './use-controllable-state'
import { useCreateEmailAddress } from './use-create-email-address'
import { useDeleteEmailAddress } from './use-delete-email-address'
import { useEmailAddress } from './use-email-address'
import { useLatest } from './use-latest'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'

/**
 * Where the add flow is, by id: what an app stores to control the flow or resume it.
 *
 * @example
 * const [step, setStep] = useState<AddEmailAddressFlowStep>({ step: 'enterEmail' })
 * const flow = useAddEmailAddressFlow({ step, onStepChange: setStep })
 */
export type AddEmailAddressFlowStep =
  | { step: 'enterEmail' }
  | { step: 'verify'; emailAddressId: string; strategy: EmailVerificationStrategy }
  | { step: 'done'; emailAddressId: string }

/** Where the add flow is, with the address as the cache holds it. */
export type AddEmailAddressFlowState =
  | { step: 'enterEmail' }
  | {
      step: 'verify'
      emailAddressId: string
      strategy: EmailVerificationStrategy
      emailAddress: EmailAddress | null
    }
  | { step: 'done'; emailAddressId: string; emailAddress: EmailAddress }

/** Options of `useAddEmailAddressFlow`. */
export interface UseAddEmailAddressFlowOptions {
  /** How to verify, unless the domain belongs to enterprise SSO. @defaultValue 'email_code' */
  strategy?: 'email_code' | 'email_link'
  /**
   * Where links and SSO return to (absolute http(s)). @defaultValue the current page, read when the
   * link is sent
   */
  redirectUrl?: string
  /** How often to check a link or SSO verification. @defaultValue 1000 */
  pollIntervalMs?: number
  onDone?: (emailAddress: EmailAddress) => void
  /** The step (controlled), e.g. to resume verifying an address after a reload. */
  step?: AddEmailAddressFlowStep
  /** The step to start at (uncontrolled). @defaultValue `{ step: 'enterEmail' }` */
  defaultStep?: AddEmailAddressFlowStep
  /** Told every step change. */
  onStepChange?: (step: AddEmailAddressFlowStep) => void
}

/** The flow's actions. Each resolves to `true` on success and never rejects: errors land in `error`. */
export interface AddEmailAddressFlowActions {
  /**
   * Adds the address and sends its code or link. If the flow is cancelled (or sent back) while the
   * address is being added, it stays added and unverified, nothing is sent, and this gives `false`.
   */
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

const ENTER_EMAIL: AddEmailAddressFlowStep = { step: 'enterEmail' }

/**
 * The whole add → verify → done lifecycle as one state machine, for custom UIs. Its step can be
 * controlled (`step` / `onStepChange`).
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
  const [step, setStep] = useControllableState({
    prop: options.step,
    defaultProp: options.defaultStep ?? ENTER_EMAIL,
    onChange: options.onStepChange,
  })
  const create = useCreateEmailAddress()
  const prepare = usePrepareEmailAddressVerification()
  const attempt = useAttemptEmailAddressVerification()
  const remove = useDeleteEmailAddress()
  // Every back() and cancel() starts a new intent; an answer for an older one changes no step.
  const intent = useRef(0)
  const activeId = step.step === 'enterEmail' ? '' : step.emailAddressId
  const byLink = step.step === 'verify' && step.strategy !== 'email_code'
  const interval = options.pollIntervalMs ?? 1000
  const live = useEmailAddress(activeId, {
    enabled: step.step !== 'enterEmail',
    refetchInterval:
      byLink && prepare.isSuccess ? (address) => (isVerified(address) ? false : interval) : false,
  }).data
  const latest = useLatest({ onDone: options.onDone, redirectUrl: options.redirectUrl })

  const send = useCallback(
    async (id: string, strategy: EmailVerificationStrategy) => {
      setStep({ step: 'verify', emailAddressId: id, strategy })
      const redirectUrl =
        strategy === 'email_code' ? undefined : (latest.current.redirectUrl ?? window.location.href)
      return prepare.mutateAsync({ id, strategy, redirectUrl }).then(succeeded, failed)
    },
    [prepare, setStep, latest],
  )

  const finished = step.step === 'verify' && live && isVerified(live) ? live : null
  useEffect(() => {
    if (finished) {
      setStep({ step: 'done', emailAddressId: finished.id })
      latest.current.onDone?.(finished)
    }
  }, [finished, setStep, latest])

  const verify = (address: EmailAddress) =>
    send(
      address.id,
      address.matchesSsoConnection ? 'enterprise_sso' : (options.strategy ?? 'email_code'),
    )
  const restart = () => {
    intent.current += 1
    setStep(ENTER_EMAIL)
  }
  const actions: AddEmailAddressFlowActions = {
    submitEmail: async (emailAddress) => {
      const mine = intent.current
      const created = await create.mutateAsync({ emailAddress }).catch(() => null)
      return created && intent.current === mine ? verify(created.emailAddress) : false
    },
    verify,
    submitCode: async (code) =>
      step.step === 'verify'
        ? attempt.mutateAsync({ id: step.emailAddressId, code }).then(succeeded, failed)
        : false,
    resend: async () => (step.step === 'verify' ? send(step.emailAddressId, step.strategy) : false),
    startLink: async () =>
      step.step === 'verify' ? send(step.emailAddressId, 'email_link') : false,
    back: restart,
    cancel: async ({ removeAddress = false } = {}) => {
      const id = step.step === 'verify' ? step.emailAddressId : null
      restart()
      if (removeAddress && id) {
        await remove.mutateAsync({ id }).catch(() => null)
      }
    },
    isPending: create.isPending || prepare.isPending || attempt.isPending || remove.isPending,
    error: step.step === 'enterEmail' ? create.error : (attempt.error ?? prepare.error),
  }
  return { ...current(step, live), ...actions }
}

/** The step with its address from the cache (a finished step whose address is gone starts over). */
function current(
  step: AddEmailAddressFlowStep,
  live: EmailAddress | null | undefined,
): AddEmailAddressFlowState {
  if (step.step === 'verify') {
    return { ...step, emailAddress: live ?? null }
  }
  if (step.step === 'done') {
    return live ? { ...step, emailAddress: live } : { step: 'enterEmail' }
  }
  return { step: 'enterEmail' }
}

const succeeded = () => true
const failed = () => false

function isVerified(address: EmailAddress): boolean {
  return address.verification?.status === 'verified'
}
