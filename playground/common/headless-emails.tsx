/**
 * The headless path: the same account data and lifecycle as `EmailAddressManager`, with markup of our
 * own, built only from the hooks. Make primary and remove show in the render of the click, as they do
 * in `EmailList`: the optimistic change lives in the hooks. The settings page shows it beside the
 * manager; the bench's `list` scene measures its click → change latency beside `EmailList`'s.
 */
import { type FormEvent, useId, useState } from 'react'
import {
  errorMessage,
  useAddEmailAddressFlow,
  useDeleteEmailAddress,
  useEmailAddresses,
  useLocalization,
  useSetPrimaryEmailAddress,
} from 'react-email-addresses'

export function HeadlessEmails() {
  const { data, isPending, error } = useEmailAddresses()
  const t = useLocalization() // the library's strings, including one message per FAPI error code
  const flow = useAddEmailAddressFlow()
  const [failure, setFailure] = useState('')
  const report = (error: Parameters<typeof errorMessage>[1]) =>
    setFailure(errorMessage(t, error) ?? '')
  const remove = useDeleteEmailAddress({ onError: report })
  const setPrimary = useSetPrimaryEmailAddress({ onError: report })
  const [email, setEmail] = useState('')
  const [code, setCode] = useState('')
  const emailId = useId()
  const codeId = useId()

  const submitEmail = (event: FormEvent) => {
    event.preventDefault()
    void flow.submitEmail(email.trim()).then((ok) => ok && setEmail(''))
  }
  const submitCode = (event: FormEvent) => {
    event.preventDefault()
    void flow.submitCode(code.replace(/\D/g, '')).then((ok) => ok && setCode(''))
  }

  return (
    <div className="demo-headless" data-testid="headless">
      {isPending ? (
        <p>Loading…</p>
      ) : error ? (
        <p role="alert">Could not load your addresses: {errorMessage(t, error)}</p>
      ) : (
        <ul aria-label="Your email addresses (hooks)">
          {data.emailAddresses.map((address) => {
            const primary = address.id === data.primaryEmailAddressId
            const verified = address.verification?.status === 'verified'
            return (
              <li key={address.id} data-primary={primary ? '' : undefined}>
                {address.emailAddress}
                {primary ? ' · primary' : ''}
                {verified ? ' · verified' : ' · not verified'}{' '}
                {verified && !primary && (
                  <button
                    type="button"
                    aria-label={`Make primary ${address.emailAddress}`}
                    onClick={() => setPrimary.mutate({ id: address.id })}
                  >
                    Make primary
                  </button>
                )}{' '}
                {data.emailAddresses.length > 1 && (
                  <button
                    type="button"
                    aria-label={`Remove ${address.emailAddress}`}
                    onClick={() => remove.mutate({ id: address.id })}
                  >
                    Remove
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}

      {flow.step === 'enterEmail' && (
        <form onSubmit={submitEmail} noValidate>
          <label htmlFor={emailId}>New email address</label>
          <input
            id={emailId}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" disabled={flow.isPending}>
            Add
          </button>
        </form>
      )}
      {flow.step === 'verify' && (
        <form onSubmit={submitCode} noValidate>
          <label htmlFor={codeId}>
            Code sent to {flow.emailAddress?.emailAddress ?? 'your new address'}
          </label>
          <input
            id={codeId}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <button type="submit" disabled={flow.isPending}>
            Check code
          </button>
          <button type="button" onClick={() => void flow.resend()} disabled={flow.isPending}>
            Send a new code
          </button>
          <button type="button" onClick={() => void flow.cancel({ removeAddress: true })}>
            Cancel
          </button>
        </form>
      )}
      {flow.step === 'done' && (
        <p role="status">
          {flow.emailAddress.emailAddress} is verified.{' '}
          <button type="button" onClick={() => void flow.cancel()}>
            Add another
          </button>
        </p>
      )}
      <p role="alert">{errorMessage(t, flow.error?.errors[0] ?? flow.error) ?? failure}</p>
    </div>
  )
}
