/**
 * Clerk mode's entry (`/clerk.html`). With `VITE_CLERK_PUBLISHABLE_KEY` in the environment of
 * `npm run demo`, Clerk's React SDK runs against that Clerk instance (it downloads clerk-js and Clerk's
 * prebuilt UI from the instance: internet needed, not covered by tests). Without it, the real clerk-js
 * and Clerk's prebuilt UI (`@clerk/ui`, for `<UserProfile/>`) run against the emulator: both loaded
 * from this origin, with a development key whose FAPI host is never contacted, because `proxyUrl`
 * sends every FAPI call to the emulator. The emulator signs clerk-js's new dev browser into its
 * seeded client, so the page starts signed in as Jane.
 */
import { ClerkProvider, SignInButton, useClerk } from '@clerk/react'
import { QueryClient } from '@tanstack/react-query'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import 'react-email-addresses/styles.css'
import { EMULATOR_PUBLISHABLE_KEY as EMULATOR_KEY } from '../routes.mjs'
import { loadClerkScript, loadClerkUi } from '../common/load-clerk'
import { rootElement } from '../common/root'
import { ClerkSettings } from './clerk-settings'
import '../common/demo.css'

/** The emulator's origin (set by the playground's server; '' when there is none). */
const fapi = import.meta.env.VITE_EMULATOR_URL ?? ''
const realKey = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY ?? ''

const queryClient = new QueryClient()
const root = createRoot(rootElement())

if (realKey) {
  root.render(
    <StrictMode>
      <ClerkProvider publishableKey={realKey}>
        <ClerkSettings
          queryClient={queryClient}
          about="Clerk’s React SDK with your Clerk instance (VITE_CLERK_PUBLISHABLE_KEY), no proxyUrl."
          signIn={<SignInButton />}
        />
      </ClerkProvider>
    </StrictMode>,
  )
} else if (!fapi) {
  root.render(
    <main className="demo-page">
      <h1>Account settings (Clerk mode)</h1>
      <p role="alert">
        This build of the playground has no emulator (<code>npm run demo</code> starts one).
      </p>
    </main>,
  )
} else {
  Promise.all([loadClerkScript(EMULATOR_KEY, fapi), loadClerkUi()]).then(
    ([clerk, ClerkUI]) =>
      root.render(
        <StrictMode>
          {/* `Clerk` and `ui`: loaded above, from this origin. `telemetry`: nothing is sent to Clerk. */}
          <ClerkProvider
            publishableKey={EMULATOR_KEY}
            proxyUrl={fapi}
            Clerk={clerk}
            ui={{ ClerkUI }}
            telemetry={false}
          >
            <ClerkSettings
              queryClient={queryClient}
              about={
                <>
                  clerk-js talks to the emulator at <code>{fapi}</code> through{' '}
                  <code>proxyUrl</code>.{' '}
                  <a href={`${fapi}/__emulator/inbox`} target="_blank" rel="noreferrer">
                    Open the inbox
                  </a>
                </>
              }
              signIn={<EmulatorSignIn />}
            />
          </ClerkProvider>
        </StrictMode>,
      ),
    (error: unknown) =>
      root.render(
        <main className="demo-page">
          <h1>Account settings (Clerk mode)</h1>
          <p role="alert">Could not start clerk-js ({String(error)}).</p>
        </main>,
      ),
  )
}

/**
 * Signing in again after a sign-out. The emulator has no sign-in flows, so its control route opens a
 * session for the seeded user on clerk-js's client; clerk-js then reloads its client and activates
 * that session with its own `setActive`, as after a real sign-in.
 */
function EmulatorSignIn() {
  const clerk = useClerk()
  const [error, setError] = useState('')
  const signIn = async () => {
    const state = (await (await fetch(`${fapi}/__emulator/state`)).json()) as {
      user_ids: string[]
    }
    const opened = await fetch(`${fapi}/__emulator/sessions`, {
      method: 'POST',
      body: JSON.stringify({ user_id: state.user_ids[0] }),
    })
    if (!opened.ok) {
      throw new Error(`POST /__emulator/sessions answered ${opened.status}`)
    }
    const { session_id: session } = (await opened.json()) as { session_id: string }
    await clerk.client?.reload()
    await clerk.setActive({ session })
  }
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError('')
          signIn().catch((reason: unknown) => setError(String(reason)))
        }}
      >
        Sign in again as Jane (emulator)
      </button>
      <p role="alert">{error}</p>
    </>
  )
}
