'use client'
import { EmailAddressesProvider, EmailAddressManager } from 'react-email-addresses'
import { useEffect } from 'react'

/** The settings section: a client component, since the provider and the manager hold state. */
export function EmailSettings({ proxyUrl, sessionId }: { proxyUrl: string; sessionId: string }) {
  return (
    <EmailAddressesProvider proxyUrl={proxyUrl} sessionId={sessionId}>
      <EmailAddressManager />
      <Hydrated />
    </EmailAddressesProvider>
  )
}

/**
 * Marks the page hydrated. Its effect runs after the manager's (siblings' effects run in order),
 * so by then any request the manager would send on mount has been sent: what the test waits for.
 */
function Hydrated() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return null
}
