// The README's five-minute guide, without Clerk's SDK: the provider gets FAPI's location (here the
// emulator, as `proxyUrl`) and the session id, and the manager does the rest.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { EmailAddressesProvider, EmailAddressManager } from 'react-email-addresses'
import 'react-email-addresses/styles.css'

const proxyUrl = import.meta.env.VITE_EMULATOR_URL
const sessionId = import.meta.env.VITE_SESSION_ID

const container = document.getElementById('root')
if (!container) {
  throw new Error('#root is missing from index.html')
}
createRoot(container).render(
  <StrictMode>
    <main>
      <h1>Account settings</h1>
      <EmailAddressesProvider proxyUrl={proxyUrl} sessionId={sessionId}>
        <EmailAddressManager />
      </EmailAddressesProvider>
    </main>
  </StrictMode>,
)
