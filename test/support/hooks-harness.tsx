/**
 * Hooks and components against the emulator, through msw in jsdom: every request is counted, every
 * fault comes from the emulator, and each test gets a fresh emulator and a fresh QueryClient.
 */
import { QueryClient } from '@tanstack/react-query'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import {
  EmailAddressesProvider,
  type EmailAddressesProviderProps,
} from '../../src/hooks/email-addresses-provider'
import { createEmulatorHandlers } from '../../src/testing/msw-handlers'
import { createFapiEmulator, type FapiEmulator } from '../../src/testing/emulator'
import type { EmulatorOptions } from '../../src/testing/emulator'
import { type Gate, gate } from './gate'

export const FAPI = 'https://fapi.emulator.test'

export interface Harness {
  emulator: FapiEmulator
  /** `METHOD /path` of every FAPI request the app sent, in order (control calls excluded). */
  requests: string[]
  newQueryClient(): QueryClient
  /** A wrapper for `render`/`renderHook` with a provider on the emulator's signed-in session. */
  wrapper(
    props?: Partial<EmailAddressesProviderProps>,
    queryClient?: QueryClient,
  ): (props: { children: ReactNode }) => ReactNode
  /**
   * Holds the next `times` (default 1) requests to `method` `path` (the logical method, `_method`
   * included; a trailing `*` matches any rest) before they reach the emulator, until the test opens
   * the returned gate: the request is certainly in flight, however slow the machine. An injected fault
   * for the same request applies once it goes through. Gates left closed open when the test ends.
   * @example
   * const held = h.hold({ method: 'DELETE', path: '/v1/me/email_addresses/*' })
   * act(() => result.current.remove.mutate({ id }))
   * await held.reached()
   * held.open()
   */
  hold(request: { method: string; path: string; times?: number }): Gate
  /** The user as the emulator holds it now, read without going through the app. */
  serverUser(): Promise<{
    primary_email_address_id: string | null
    email_addresses: { id: string; email_address: string }[]
  }>
}

/**
 * The instance the hook and component tests run on offers links as well as codes, because the hooks
 * cover both; the emulator's own default is a fresh Clerk instance's, codes only. A seed that names
 * `settings.strategies` gets exactly those.
 */
const BOTH_STRATEGIES = { strategies: ['email_code', 'email_link', 'enterprise_sso'] } as const

/** Installs msw over a fresh emulator per test. Call once at the top of a test file. */
export function setupHarness(given: EmulatorOptions = {}): Harness {
  const seed: EmulatorOptions = {
    ...given,
    settings: { strategies: [...BOTH_STRATEGIES.strategies], ...given.settings },
  }
  const requests: string[] = []
  const gates: Gate[] = []
  const harness = {
    requests,
    emulator: createFapiEmulator(seed),
  } as Harness
  const server = setupServer()

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    harness.emulator = createFapiEmulator(seed)
    server.resetHandlers(...createEmulatorHandlers(harness.emulator))
    requests.length = 0
  })
  afterEach(() => {
    for (const held of gates.splice(0)) {
      held.open()
    }
    server.resetHandlers()
  })
  afterAll(() => server.close())
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    const method = url.searchParams.get('_method') ?? request.method
    requests.push(`${method} ${url.pathname}`)
  })

  harness.newQueryClient = () =>
    new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
  harness.wrapper = (props = {}, queryClient = harness.newQueryClient()) =>
    function Wrapper({ children }: { children: ReactNode }) {
      const merged = {
        frontendApi: FAPI,
        sessionId: harness.emulator.signedIn.sessionId,
        queryClient,
        ...props,
      } as EmailAddressesProviderProps
      return <EmailAddressesProvider {...merged}>{children}</EmailAddressesProvider>
    }
  harness.hold = ({ method, path, times = 1 }) => {
    const held = gate()
    gates.push(held)
    let remaining = times
    const matches = ({ request }: { request: Request }) => {
      const url = new URL(request.url)
      const logical = (url.searchParams.get('_method') ?? request.method).toUpperCase()
      const actual = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname
      const wanted = path.endsWith('*') ? actual.startsWith(path.slice(0, -1)) : actual === path
      return logical === method.toUpperCase() && wanted
    }
    // Answers nothing, so msw goes on to the emulator's handler (once the gate opens).
    server.use(
      http.all(matches, async () => {
        if (remaining > 0) {
          remaining -= 1
          await held.pass()
        }
      }),
    )
    return held
  }
  harness.serverUser = async () => {
    const url = `${FAPI}/v1/me?_clerk_session_id=${harness.emulator.signedIn.sessionId}`
    const response = await harness.emulator.fetch(new Request(url))
    const body = (await response.json()) as { response: Awaited<ReturnType<Harness['serverUser']>> }
    return body.response
  }
  return harness
}
