/**
 * The settings page's entry (`/`, and `/verified` where email links land): asks the emulator (another
 * origin) for the signed-in session, the way a real app gets it from Clerk, then renders the page.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'react-email-addresses/styles.css'
import { rootElement } from '../common/root'
import { App } from './app'
import '../common/demo.css'

/** The emulator's origin, used as `proxyUrl` (set by the playground's server; '' when there is none). */
const fapi = import.meta.env.VITE_EMULATOR_URL ?? ''

/**
 * `GET /v1/client` with the browser's cookies, like clerk-js on load: the emulator answers the
 * signed-in client and sets its `__client` cookie (HttpOnly, SameSite=Lax) on its own origin.
 */
async function loadSessionId(): Promise<string | null> {
  if (!fapi) {
    throw new Error('this build of the playground has no emulator (`npm run demo` starts one)')
  }
  const response = await fetch(`${fapi}/v1/client`, { credentials: 'include' })
  if (!response.ok) {
    throw new Error(`GET /v1/client answered ${response.status}`)
  }
  const body = (await response.json()) as { response?: { last_active_session_id?: string | null } }
  return body.response?.last_active_session_id ?? null
}

const root = createRoot(rootElement())
loadSessionId().then(
  (sessionId) =>
    root.render(
      <StrictMode>
        <App proxyUrl={fapi} sessionId={sessionId} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main className="demo-page">
        <h1>Account settings</h1>
        <p role="alert">
          Could not reach the emulator at {fapi || '(none)'} ({String(error)}). Is{' '}
          <code>npm run demo</code> running?
        </p>
      </main>,
    ),
)
