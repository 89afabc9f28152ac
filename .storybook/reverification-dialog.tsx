/**
 * A stand-in for an app's step-up UI: when FAPI answers 403 `session_reverification_required`, the
 * provider calls `onReverificationRequired`; this modal dialog marks the session reverified in the
 * emulator and completes the request (the call is then sent again), or cancels it.
 */
import { useEffect, useId, useRef } from 'react'
import type { ReverificationRequest } from '../src/index'
import type { FapiEmulator } from '../src/testing/index'

/** Props of `ReverificationDialog`. */
export interface ReverificationDialogProps {
  emulator: FapiEmulator
  /** The pending request, or null when no step-up is asked for. */
  request: ReverificationRequest | null
  /** Called once the request was completed or cancelled. */
  onSettled: () => void
}

/**
 * A native modal `<dialog>`: focus moves into it, Escape cancels.
 * @example <ReverificationDialog emulator={emulator} request={pending} onSettled={() => setPending(null)} />
 */
export function ReverificationDialog({ emulator, request, onSettled }: ReverificationDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (request && dialog && !dialog.open) {
      dialog.showModal()
    }
  }, [request])

  const settle = (complete: boolean) => {
    if (complete) {
      emulator.reverify()
      request?.complete()
    } else {
      request?.cancel()
    }
    ref.current?.close()
    onSettled()
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault()
        settle(false)
      }}
      style={styles.dialog}
    >
      <h2 id={titleId} style={styles.title}>
        Confirm it&apos;s you
      </h2>
      <p id={descriptionId}>
        This change needs a recent sign-in. In a real app you would enter your password or a code
        here; the emulator just marks the session as reverified.
      </p>
      <p style={styles.actions}>
        <button type="button" onClick={() => settle(true)} autoFocus>
          Reverify
        </button>
        <button type="button" onClick={() => settle(false)}>
          Cancel
        </button>
      </p>
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
  actions: { display: 'flex', gap: '0.5rem' },
} as const
