/**
 * The "Emulator inbox" panel shown below stories: every code and link the story's emulator "sent", so
 * a person browsing Storybook can finish each flow by hand. It polls the outbox (the emulator has no
 * subscribe API) and opens email links through `fetch`, which msw hands to the same emulator.
 */
import { useEffect, useId, useState } from 'react'
import { type FapiEmulator, type OutboxMessage, TEST_CODE } from '../src/testing/index'

const POLL_MS = 500

/** Re-reads the outbox every `POLL_MS` and re-renders only when it changed. */
function useOutbox(emulator: FapiEmulator): readonly OutboxMessage[] {
  const [outbox, setOutbox] = useState(() => emulator.outbox)
  useEffect(() => {
    const read = () =>
      setOutbox((previous) => {
        const next = emulator.outbox
        const same = next.length === previous.length && next.at(-1)?.id === previous.at(-1)?.id
        return same ? previous : next
      })
    read()
    const timer = setInterval(read, POLL_MS)
    return () => clearInterval(timer)
  }, [emulator])
  return outbox
}

type LinkState = 'idle' | 'opening' | 'opened' | 'failed'

function OpenLinkButton({ message }: { message: OutboxMessage }) {
  const [state, setState] = useState<LinkState>('idle')
  const statusId = useId()
  if (!message.link) {
    return null
  }
  const link = message.link
  const open = async () => {
    setState('opening')
    try {
      // `manual`: the emulator verifies on the GET and answers 303 to the app's redirect_url, which
      // this panel has no use for.
      await fetch(link, { redirect: 'manual', credentials: 'include' })
      setState('opened')
    } catch {
      setState('failed')
    }
  }
  return (
    <p>
      <button
        type="button"
        onClick={() => void open()}
        disabled={state === 'opening'}
        aria-describedby={statusId}
        style={styles.button}
      >
        Open the verification link for {message.to}
      </button>{' '}
      <span id={statusId} role="status">
        {state === 'opened'
          ? 'Link opened.'
          : state === 'failed'
            ? 'The link could not be opened.'
            : ''}
      </span>
    </p>
  )
}

function Message({ message }: { message: OutboxMessage }) {
  const time = new Date(message.created_at).toLocaleTimeString('en-US')
  return (
    <li data-testid="emulator-message" data-strategy={message.strategy} style={styles.message}>
      <p style={styles.meta}>
        To <strong>{message.to}</strong> · {message.subject} · <time>{time}</time>
      </p>
      {message.code !== null && (
        <p style={styles.meta}>
          Code: <strong style={styles.code}>{message.code}</strong>
        </p>
      )}
      <OpenLinkButton message={message} />
    </li>
  )
}

/**
 * Lists the emulator's outbox, newest first.
 * @example <EmulatorInbox emulator={emulator} />
 */
export function EmulatorInbox({ emulator }: { emulator: FapiEmulator }) {
  const outbox = useOutbox(emulator)
  const headingId = useId()
  return (
    <aside aria-label="Emulator inbox" data-testid="emulator-inbox" style={styles.panel}>
      <h2 id={headingId} style={styles.heading}>
        Emulator inbox
      </h2>
      <p style={styles.hint}>
        Codes and links the emulator sent. Addresses with <code>+clerk_test</code> get none: their
        code is always <code>{TEST_CODE}</code>.
      </p>
      {outbox.length === 0 ? (
        <p style={styles.hint}>No messages yet.</p>
      ) : (
        <ol aria-labelledby={headingId} style={styles.list}>
          {[...outbox].reverse().map((message) => (
            <Message key={message.id} message={message} />
          ))}
        </ol>
      )}
    </aside>
  )
}

// Light or dark with the page (the canvas follows the system's scheme; the toolbar's "Scheme" forces
// one on an ancestor), and never wider than the page: long addresses and link buttons wrap.
const styles = {
  panel: {
    boxSizing: 'border-box',
    marginTop: '2rem',
    padding: '0.75rem 1rem',
    border: '1px dashed light-dark(#6b6b6b, #9ca3af)',
    borderRadius: 6,
    background: 'light-dark(#f7f7f7, #1f2937)',
    color: 'light-dark(#1a1a1a, #f3f4f6)',
    fontFamily: 'system-ui, sans-serif',
    fontSize: 14,
    maxWidth: '40rem',
    overflowWrap: 'anywhere',
  },
  heading: { fontSize: 15, margin: '0 0 0.25rem' },
  hint: { margin: '0.25rem 0', color: 'light-dark(#3d3d3d, #d1d5db)' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  message: { borderTop: '1px solid light-dark(#d0d0d0, #4b5563)', padding: '0.5rem 0' },
  meta: { margin: '0.125rem 0' },
  code: { fontSize: 24, letterSpacing: '0.2em', fontVariantNumeric: 'tabular-nums' },
  button: {
    font: 'inherit',
    maxWidth: '100%',
    padding: '0.25rem 0.5rem',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    textAlign: 'start',
  },
} as const
