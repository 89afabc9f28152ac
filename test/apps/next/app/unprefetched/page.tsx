// The same section without the server's prefetch: the browser loads the list itself (one request).
import { connection } from 'next/server'
import { EmailSettings } from '../email-settings'
import { emulatorConfig } from '../emulator'

export default async function Page() {
  await connection()
  const { url, sessionId } = emulatorConfig()
  return (
    <main>
      <h1>Account settings</h1>
      <EmailSettings proxyUrl={url} sessionId={sessionId} />
    </main>
  )
}
