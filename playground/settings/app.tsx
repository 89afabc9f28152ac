/**
 * The account-settings page: the drop-in `EmailAddressManager` and, beside it, a custom UI built only
 * from the hooks. One provider, one cache: a change in either shows in both, and in other tabs.
 */
import { useState } from 'react'
import {
  EmailAddressesProvider,
  EmailAddressManager,
  EmailLinkLanding,
  type FapiError,
  type ReverificationRequest,
} from 'react-email-addresses'
import { PAGES, pageForPath, pageUrl } from '../routes.mjs'
import { HeadlessEmails } from '../common/headless-emails'
import { ModeNav } from '../common/mode-nav'
import { StepUpDialog } from '../common/step-up-dialog'
import { StepUpSwitch } from './step-up-switch'

export interface AppProps {
  proxyUrl: string
  sessionId: string | null
}

export function App({ proxyUrl, sessionId }: AppProps) {
  const [expired, setExpired] = useState<FapiError | null>(null)
  const [strategy, setStrategy] = useState<'email_code' | 'email_link'>('email_code')
  const [stepUp, setStepUp] = useState<ReverificationRequest | null>(null)
  const landing = pageForPath(window.location.pathname) === 'verified'

  if (expired || !sessionId) {
    return <SignedOut code={expired?.code ?? null} />
  }
  return (
    <EmailAddressesProvider
      proxyUrl={proxyUrl}
      sessionId={sessionId}
      onSessionExpired={(error) => setExpired(error)}
      onReverificationRequired={setStepUp}
    >
      <StepUpDialog
        fapiUrl={proxyUrl}
        sessionId={sessionId}
        request={stepUp}
        onSettled={() => setStepUp(null)}
        hint={
          <a href={`${proxyUrl}/__emulator/inbox`} target="_blank" rel="noreferrer">
            Find the code in the emulator&apos;s inbox
          </a>
        }
      />
      {landing ? (
        <main className="demo-page">
          <h1>Email address verification</h1>
          <EmailLinkLanding />
          <p>
            <a href={PAGES.settings.path}>Back to account settings</a>
          </p>
        </main>
      ) : (
        <>
          <header className="demo-header">
            <ModeNav current="settings" />
            <h1>Account settings</h1>
            <p>
              Signed in through the emulator at <code>{proxyUrl}</code> (another origin).{' '}
              <a href={`${proxyUrl}/__emulator/inbox`} target="_blank" rel="noreferrer">
                Open the inbox
              </a>
            </p>
          </header>
          <main className="demo-page demo-columns">
            <section aria-labelledby="drop-in-title" className="demo-card">
              <h2 id="drop-in-title">Drop-in component</h2>
              <fieldset className="demo-strategy">
                <legend>Verify new addresses with</legend>
                <label>
                  <input
                    type="radio"
                    name="strategy"
                    value="email_code"
                    checked={strategy === 'email_code'}
                    onChange={() => setStrategy('email_code')}
                  />{' '}
                  a code
                </label>
                <label>
                  <input
                    type="radio"
                    name="strategy"
                    value="email_link"
                    checked={strategy === 'email_link'}
                    onChange={() => setStrategy('email_link')}
                  />{' '}
                  a link
                </label>
              </fieldset>
              <StepUpSwitch proxyUrl={proxyUrl} />
              <EmailAddressManager
                strategy={strategy}
                redirectUrl={pageUrl(window.location.origin, 'verified')}
              />
            </section>
            <section aria-labelledby="headless-title" className="demo-card">
              <h2 id="headless-title">Built from the hooks</h2>
              <HeadlessEmails />
            </section>
          </main>
        </>
      )}
    </EmailAddressesProvider>
  )
}

/** What `onSessionExpired` leads to: the session ended (a 401), so the page shows signed out. */
function SignedOut({ code }: { code: string | null }) {
  return (
    <main className="demo-page" data-testid="signed-out">
      <h1>You are signed out</h1>
      <p role="alert">
        Your session has ended{code ? ` (${code})` : ''}. Sign in again to manage your email
        addresses.
      </p>
      <p>
        <a href={PAGES.settings.path}>Sign in again</a>
      </p>
    </main>
  )
}
