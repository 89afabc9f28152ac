/**
 * The headless path: the same account data and add → verify lifecycle as `EmailAddressManager`, with
 * markup of our own, built only from `useEmailAddresses` and `useAddEmailAddressFlow`.
 */
import { type FormEvent, useId, useState } from 'react'
import {
  errorMessage,
  useAddEmailAddressFlow,
  useEmailAddresses,
  useLocalization,
} from 'react-email-addresses'

export function HeadlessEmails() {
  const { data, isPending, error } = useEmailAddresses()
  const t = useLocalization() // the library's strings, including one message per FAPI error code
  const flow = useAddEmailAddressFlow()
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
          {data.emailAddresses.map((address) => (
            <li key={address.id}>
              {address.emailAddress}
              {address.id === data.primaryEmailAddressId ? ' · primary' : ''}
              {address.verification?.status === 'verified' ? ' · verified' : ' · not verified'}
            </li>
          ))}
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
      <p role="alert">{errorMessage(t, flow.error?.errors[0] ?? flow.error)}</p>
    </div>
  )
}
