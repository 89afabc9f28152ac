/**
 * The demo's "ask to confirm it's me" switch: it turns the emulator's reverification on for making
 * an address primary and removing one (`POST /__emulator/settings`), so the provider's
 * `onReverificationRequired` and the step-up dialog can be tried by hand.
 */
import { useEffect, useId, useState } from 'react'

const GUARDED = ['set_primary_email_address', 'delete_email_address']

/** Reads and changes the emulator's `reverificationRequired` setting. */
async function settings(proxyUrl: string, change?: { reverificationRequired: string[] }) {
  const response = await fetch(`${proxyUrl}/__emulator/settings`, {
    method: change ? 'POST' : 'GET',
    body: change ? JSON.stringify(change) : undefined,
  })
  if (!response.ok) {
    throw new Error(`the emulator answered ${response.status}`)
  }
  const body = (await response.json()) as { reverificationRequired: string[] }
  return GUARDED.every((action) => body.reverificationRequired.includes(action))
}

/**
 * A checkbox that shows and sets whether sensitive changes need a step-up.
 * @example <StepUpSwitch proxyUrl="http://127.0.0.1:4010" />
 */
export function StepUpSwitch({ proxyUrl }: { proxyUrl: string }) {
  const id = useId()
  const [on, setOn] = useState<boolean | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    let live = true
    settings(proxyUrl).then(
      (value) => live && setOn(value),
      (reason: unknown) => live && setError(String(reason)),
    )
    return () => {
      live = false
    }
  }, [proxyUrl])
  const change = (next: boolean) => {
    setError('')
    settings(proxyUrl, { reverificationRequired: next ? GUARDED : [] }).then(setOn, (reason) =>
      setError(String(reason)),
    )
  }
  return (
    <p className="demo-step-up">
      <input
        id={id}
        type="checkbox"
        checked={on ?? false}
        disabled={on === null}
        onChange={(event) => change(event.target.checked)}
      />{' '}
      <label htmlFor={id}>Ask me to confirm it&apos;s me before a new primary or a removal</label>
      <span role="alert">{error}</span>
    </p>
  )
}
