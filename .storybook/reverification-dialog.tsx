/**
 * An app's step-up UI, as a story needs one: when FAPI answers 403 `session_reverification_required`,
 * the provider calls `onReverificationRequired`; this modal dialog runs the real reverification
 * against the story's emulator, the way Clerk's own modal does (`POST /v1/client/sessions/{id}/verify`,
 * then `…/prepare_first_factor` with an email code, then `…/attempt_first_factor`), and completes the
 * request (the call is then sent again) or cancels it. The emulator has no passwords or second
 * factors, so the step-up is a code sent to the primary address; the dialog fills it in from the
 * emulator's inbox so a story can go on with one click (type another code to see the error).
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { ReverificationRequest } from '../src/index'
import type { FapiEmulator } from '../src/testing/index'

/** Props of `ReverificationDialog`. */
export interface ReverificationDialogProps {
  emulator: FapiEmulator
  /** The story's FAPI origin (msw hands its requests to `emulator`). */
  origin: string
  /** The pending request, or null when no step-up is asked for. */
  request: ReverificationRequest | null
  /** Called once the request was completed or cancelled. */
  onSettled: () => void
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

/** One step of the reverification, as a form POST to the story's FAPI origin. */
async function step(
  origin: string,
  sessionId: string,
  path: string,
  form: Record<string, string>,
): Promise<Answer> {
  const url = `${origin}/v1/client/sessions/${sessionId}/verify${path}`
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form) })
  const body = (await response.json()) as {
    response?: Reverification
    errors?: { code: string; long_message: string }[]
  }
  if (response.ok && body.response) {
    return { ok: true, reverification: body.response }
  }
  const error = body.errors?.[0]
  return {
    ok: false,
    code: error?.code ?? 'unknown',
    message: error?.long_message ?? 'Unexpected answer',
  }
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'code'; to: string; code: string; error: string; pending: boolean }
  | { kind: 'failed'; error: string }

/**
 * A native modal `<dialog>`, opened once the code is on its way: focus moves into it, Escape cancels.
 * @example <ReverificationDialog emulator={emulator} origin={origin} request={pending} onSettled={() => setPending(null)} />
 */
export function ReverificationDialog({
  emulator,
  origin,
  request,
  onSettled,
}: ReverificationDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const codeId = useId()
  const errorId = useId()
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })

  useEffect(() => {
    if (!request) {
      return
    }
    let live = true
    const sessionId = emulator.signedIn.sessionId
    const start = async (): Promise<Stage> => {
      const started = await step(origin, sessionId, '', { level: 'first_factor' })
      if (!started.ok) {
        return { kind: 'failed', error: started.message }
      }
      const factors = started.reverification.supported_first_factors
      const factor = factors.find((f) => f.primary) ?? factors[0]
      if (!factor?.email_address_id) {
        return {
          kind: 'failed',
          error: 'The user has no verified email address to send a code to.',
        }
      }
      const prepared = await step(origin, sessionId, '/prepare_first_factor', {
        strategy: 'email_code',
        email_address_id: factor.email_address_id,
      })
      if (!prepared.ok) {
        return { kind: 'failed', error: prepared.message }
      }
      const to = factor.safe_identifier ?? ''
      const sent = emulator.latestMessage(to)
      const code = sent?.purpose === 'reverification' ? (sent.code ?? '') : ''
      return { kind: 'code', to, code, error: '', pending: false }
    }
    void start().then(
      (next) => {
        if (live) {
          setStage(next)
        }
      },
      (reason: unknown) => {
        if (live) {
          setStage({ kind: 'failed', error: String(reason) })
        }
      },
    )
    return () => {
      live = false
    }
  }, [request, emulator, origin])

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
    const attempt: Answer = await step(
      origin,
      emulator.signedIn.sessionId,
      '/attempt_first_factor',
      {
        strategy: 'email_code',
        code: stage.code,
      },
    ).catch((reason: unknown) => ({ ok: false, code: 'network_error', message: String(reason) }))
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
            This change needs a recent sign-in. We sent a code to {stage.to} (filled in from the
            emulator&apos;s inbox).
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
            <span id={errorId} role="alert" style={styles.error}>
              {stage.error}
            </span>
          </p>
          <p style={styles.actions}>
            <button type="submit" aria-disabled={stage.pending || undefined}>
              Reverify
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

const styles = {
  dialog: {
    maxWidth: '24rem',
    border: '1px solid #6b6b6b',
    borderRadius: 6,
    color: '#1a1a1a',
    background: '#ffffff',
    fontFamily: 'system-ui, sans-serif',
  },
  title: { fontSize: 16, margin: '0 0 0.5rem' },
  field: { display: 'grid', gap: '0.25rem' },
  error: { color: '#b3261e', minHeight: '1.2em' },
  actions: { display: 'flex', gap: '0.5rem' },
} as const
