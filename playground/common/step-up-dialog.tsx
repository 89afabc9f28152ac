/**
 * An app's step-up UI, as the demo and Storybook need one: when FAPI answers 403
 * `session_reverification_required`, the provider calls `onReverificationRequired`; this modal dialog
 * runs the real reverification against FAPI, the way Clerk's own modal does (`POST
 * /v1/client/sessions/{id}/verify`, then `…/prepare_first_factor` with an email code, then
 * `…/attempt_first_factor`), and completes the request (the call is then sent again) or cancels it.
 * The emulator has no passwords or second factors, so the step-up is a code sent to the primary
 * address (read it in the emulator's inbox; Storybook fills it in).
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import type { ReverificationRequest } from 'react-email-addresses'

/** Props of `StepUpDialog`. */
export interface StepUpDialogProps {
  /** FAPI's origin (the provider's `proxyUrl` or `frontendApi`). */
  fapiUrl: string
  sessionId: string
  /** The pending request, or null when no step-up is asked for. */
  request: ReverificationRequest | null
  /** Called once the request was completed or cancelled. */
  onSettled: () => void
  /** A code to fill in, given where it was sent (Storybook reads its emulator's inbox). */
  prefillCode?: (to: string) => string | undefined
  /** Shown under the code field: where to find the code. */
  hint?: ReactNode
}

/** The parts of FAPI's `SessionReverification` the dialog reads. */
interface Reverification {
  status: string
  supported_first_factors: {
    email_address_id?: string
    safe_identifier?: string
    primary?: boolean
  }[]
}

type Answer =
  { ok: true; reverification: Reverification } | { ok: false; code: string; message: string }

/** One step of the reverification, as a form POST with the browser's cookies (clerk-js's way). */
async function step(
  fapiUrl: string,
  sessionId: string,
  path: string,
  form: Record<string, string>,
): Promise<Answer> {
  const url = `${fapiUrl}/v1/client/sessions/${sessionId}/verify${path}`
  const response = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams(form),
    credentials: 'include',
  }).catch(() => null)
  if (!response) {
    return { ok: false, code: 'network_error', message: 'Could not reach the server.' }
  }
  const body = (await response.json().catch(() => ({}))) as {
    response?: Reverification
    errors?: { code: string; long_message?: string; message: string }[]
  }
  if (response.ok && body.response) {
    return { ok: true, reverification: body.response }
  }
  const error = body.errors?.[0]
  return {
    ok: false,
    code: error?.code ?? 'unknown',
    message: error?.long_message ?? error?.message ?? `Unexpected answer (${response.status})`,
  }
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'code'; to: string; code: string; error: string; pending: boolean }
  | { kind: 'failed'; error: string }

/** Starts the reverification and sends the code: the stage the dialog opens on. */
async function start(
  fapiUrl: string,
  sessionId: string,
  prefillCode: StepUpDialogProps['prefillCode'],
): Promise<Stage> {
  const started = await step(fapiUrl, sessionId, '', { level: 'first_factor' })
  if (!started.ok) {
    return { kind: 'failed', error: started.message }
  }
  const factors = started.reverification.supported_first_factors
  const factor = factors.find((f) => f.primary) ?? factors[0]
  if (!factor?.email_address_id) {
    return { kind: 'failed', error: 'The user has no verified email address to send a code to.' }
  }
  const prepared = await step(fapiUrl, sessionId, '/prepare_first_factor', {
    strategy: 'email_code',
    email_address_id: factor.email_address_id,
  })
  if (!prepared.ok) {
    return { kind: 'failed', error: prepared.message }
  }
  const to = factor.safe_identifier ?? ''
  return { kind: 'code', to, code: prefillCode?.(to) ?? '', error: '', pending: false }
}

/**
 * A native modal `<dialog>`, opened once the code is on its way: focus moves into it, Escape
 * cancels, and focus returns where it was when it closes.
 *
 * @example
 * <StepUpDialog fapiUrl={proxyUrl} sessionId={sessionId} request={pending} onSettled={() => setPending(null)} />
 */
export function StepUpDialog({
  fapiUrl,
  sessionId,
  request,
  onSettled,
  prefillCode,
  hint,
}: StepUpDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const codeId = useId()
  const errorId = useId()
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  // Read when the code is sent, so a new function each render does not start the step-up again.
  const prefill = useRef(prefillCode)
  useEffect(() => {
    prefill.current = prefillCode
  })

  useEffect(() => {
    if (!request) {
      return
    }
    let live = true
    void start(fapiUrl, sessionId, prefill.current).then((next) => {
      if (live) {
        setStage(next)
      }
    })
    return () => {
      live = false
    }
  }, [request, fapiUrl, sessionId])

  useEffect(() => {
    const dialog = ref.current
    if (request && stage.kind !== 'idle' && dialog && !dialog.open) {
      dialog.showModal()
    }
  }, [request, stage.kind])

  const close = () => {
    ref.current?.close()
    setStage({ kind: 'idle' })
    onSettled()
  }
  const cancel = () => {
    request?.cancel()
    close()
  }
  const submit = async () => {
    if (stage.kind !== 'code' || stage.pending) {
      return
    }
    setStage({ ...stage, pending: true, error: '' })
    const attempt = await step(fapiUrl, sessionId, '/attempt_first_factor', {
      strategy: 'email_code',
      code: stage.code,
    })
    if (attempt.ok && attempt.reverification.status === 'complete') {
      request?.complete()
      close()
      return
    }
    const error = attempt.ok
      ? 'The reverification is not complete.'
      : attempt.code === 'form_code_incorrect'
        ? 'That code is not right. Check it and try again.'
        : attempt.message
    setStage({ ...stage, pending: false, error })
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid="step-up-dialog"
      onCancel={(event) => {
        event.preventDefault()
        cancel()
      }}
      style={styles.dialog}
    >
      <h2 id={titleId} style={styles.title}>
        Confirm it&apos;s you
      </h2>
      {stage.kind === 'code' && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <p id={descriptionId}>
            This change needs a recent sign-in. We sent a code to {stage.to}.
          </p>
          <p style={styles.field}>
            <label htmlFor={codeId}>Verification code</label>
            <input
              id={codeId}
              value={stage.code}
              onChange={(event) => setStage({ ...stage, code: event.target.value, error: '' })}
              autoComplete="one-time-code"
              inputMode="numeric"
              aria-invalid={stage.error ? true : undefined}
              aria-describedby={stage.error ? errorId : undefined}
              autoFocus
            />
            {hint && <small>{hint}</small>}
            <span id={errorId} role="alert" style={styles.error}>
              {stage.error}
            </span>
          </p>
          <p style={styles.actions}>
            <button type="submit" aria-disabled={stage.pending || undefined}>
              Confirm
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </p>
        </form>
      )}
      {stage.kind === 'failed' && (
        <>
          <p id={descriptionId} role="alert">
            The reverification could not start: {stage.error}
          </p>
          <p style={styles.actions}>
            <button type="button" onClick={cancel} autoFocus>
              Cancel
            </button>
          </p>
        </>
      )}
    </dialog>
  )
}

/** System colours, so the dialog follows the page's light or dark scheme. */
const styles = {
  dialog: {
    maxWidth: '24rem',
    border: '1px solid GrayText',
    borderRadius: 6,
    color: 'CanvasText',
    background: 'Canvas',
    fontFamily: 'system-ui, sans-serif',
  },
  title: { fontSize: 16, margin: '0 0 0.5rem' },
  field: { display: 'grid', gap: '0.25rem' },
  error: { color: 'light-dark(#b3261e, #ffb4ab)', minHeight: '1.2em' },
  actions: { display: 'flex', gap: '0.5rem' },
} as const
