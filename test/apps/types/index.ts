// Every entry of the package, as a project that installed the tarball imports it. Each import is
// used, so a type that resolved to `any` (or not at all) fails the checks below.
import { QueryClient } from '@tanstack/react-query'
import 'react-email-addresses/styles.css'
import {
  createFapiClient,
  type EmailAddress,
  emailAddressKeys,
  emailAddressQueries,
  EmailAddressManager,
  type FapiError,
  isFapiError,
  type User,
} from 'react-email-addresses'
import { ClerkEmailAddressesProvider } from 'react-email-addresses/clerk'
import { deDE } from 'react-email-addresses/locales'
import { createBackendClient } from 'react-email-addresses/server'
import { createEmulatorHandlers, createFapiEmulator } from 'react-email-addresses/testing'
import { startEmulatorServer } from 'react-email-addresses/testing/node'

const client = createFapiClient({ proxyUrl: 'http://127.0.0.1:4010', sessionId: 'sess_1' })
const key: readonly unknown[] = emailAddressKeys.me({
  baseUrl: client.baseUrl,
  sessionId: 'sess_1',
})
const options = emailAddressQueries.me(client)

// A wrong type here must be an error: these lines prove the types are real, not `any`.
// @ts-expect-error baseUrl is a string
const notANumber: number = client.baseUrl
// @ts-expect-error an EmailAddress has no `bogus` field
const bogus: EmailAddress['bogus'] = null
// The key carries the data's type, so the cache read is typed without a cast.
const cached: User | undefined = new QueryClient().getQueryData(options.queryKey)

export async function check(error: unknown): Promise<void> {
  const user: User = (await client.me.get()).user!
  const first: EmailAddress | undefined = user.emailAddresses[0]
  if (isFapiError(error)) {
    const checked: FapiError = error
    console.error(checked.code, first?.emailAddress, key, notANumber, bogus, cached)
  }
  const emulator = createFapiEmulator({ users: [{ email_addresses: ['a@example.com'] }] })
  const handlers: unknown[] = createEmulatorHandlers(emulator)
  const server = await startEmulatorServer({ port: 0, emulator })
  const clerk = createBackendClient({ secretKey: 'sk_test_emulator', apiUrl: server.url })
  const created: EmailAddress = await clerk.emailAddresses.create({
    userId: emulator.signedIn.userId,
    emailAddress: 'b@example.com',
  })
  console.error(
    created.id,
    handlers.length,
    deDE.locale,
    EmailAddressManager,
    ClerkEmailAddressesProvider,
  )
  await server.close()
}
