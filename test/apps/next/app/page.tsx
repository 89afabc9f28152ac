// A server component: it reads the list on the server and hands it to the client through
// HydrationBoundary, so the first paint shows the addresses and the browser sends no request.
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import { connection } from 'next/server'
import {
  createFapiClient,
  type EmailAddress,
  emailAddressKeys,
  emailAddressQueries,
  type User,
} from 'react-email-addresses'
import { EmailSettings } from './email-settings'
import { emulatorConfig } from './emulator'

export default async function Page() {
  await connection() // per request: the list is the user's, never cached at build time
  const { url, sessionId } = emulatorConfig()
  const client = createFapiClient({ proxyUrl: url, sessionId })
  const queryClient = new QueryClient()
  await queryClient.prefetchQuery(emailAddressQueries.me(client))
  // A type and the key factory, imported into a server component.
  const user: User | undefined = queryClient.getQueryData(
    emailAddressKeys.me({ baseUrl: client.baseUrl, sessionId }),
  )
  const primary: EmailAddress | undefined = user?.emailAddresses.find(
    (address) => address.id === user.primaryEmailAddressId,
  )
  return (
    <main>
      <h1>Account settings</h1>
      <p>Signed in as {primary?.emailAddress ?? 'nobody'} (read on the server).</p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EmailSettings proxyUrl={url} sessionId={sessionId} />
      </HydrationBoundary>
    </main>
  )
}
