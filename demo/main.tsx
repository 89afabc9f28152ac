/**
 * The demo's entry: asks the emulator (another origin) for the signed-in session, the way a real app
 * gets it from Clerk, then renders the settings page, or the email-link landing page on `/verified`.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'react-email-addresses/styles.css'
import { App } from './app'
import './demo.css'

/** The emulator's origin, used as `proxyUrl` (set by `demo/server.mjs`). */
const fapi = import.meta.env.VITE_EMULATOR_URL ?? 'http://127.0.0.1:4010'

/**
 * `GET /v1/client` with the browser's cookies, like clerk-js on load: the emulator answers the
 * signed-in client and sets its `__client` cookie (HttpOnly, SameSite=Lax) on its own origin.
 */
async function loadSessionId(): Promise<string | null> {
  const response = await fetch(`${fapi}/v1/client`, { credentials: 'include' })
  if (!response.ok) {
    throw new Error(`GET /v1/client answered ${response.status}`)
  }
  const body = (await response.json()) as { response?: { last_active_session_id?: string | null } }
  return body.response?.last_active_session_id ?? null
}

const container = document.getElementById('root')
if (!container) {
  throw new Error('demo: #root is missing from index.html')
}
const root = createRoot(container)
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
          Could not reach the emulator at {fapi} ({String(error)}). Is <code>npm run demo</code>{' '}
          running?
        </p>
      </main>,
    ),
)
