// The same page without react-email-addresses: what the app would ship anyway.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

const container = document.getElementById('root')
if (!container) {
  throw new Error('#root is missing from baseline.html')
}
createRoot(container).render(
  <StrictMode>
    <main>
      <h1>Account settings</h1>
    </main>
  </StrictMode>,
)
