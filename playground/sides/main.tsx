/**
 * The side-by-side page (`/sides.html`, the Clerk specs): Clerk's React SDK (with the real clerk-js)
 * and our hooks through `ClerkEmailAddressesProvider`, against the emulator named by `?fapi=`. Each
 * side renders its own list; the spec mutates one side through `window.app` and reads the other.
 * With `?ui=1` Clerk's prebuilt UI is loaded too (from this origin), so Clerk's own modals,
 * reverification's among them, open.
 */
import { ClerkProvider } from '@clerk/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ClerkEmailAddressesProvider } from 'react-email-addresses/clerk'
import type { SidesGlobals } from '../globals'
import { EMULATOR_PUBLISHABLE_KEY, readParams } from '../routes.mjs'
import { loadClerkScript, loadClerkUi } from '../common/load-clerk'
import { rootElement } from '../common/root'
import { ClerkSide, OurSide } from './sides'

const { fapi, key = EMULATOR_PUBLISHABLE_KEY, ui = false } = readParams('sides')
const queryClient = new QueryClient()

async function start() {
  const [clerk, ClerkUI] = await Promise.all([
    loadClerkScript(key, fapi),
    ui ? loadClerkUi() : undefined,
  ])
  createRoot(rootElement()).render(
    <StrictMode>
      <ClerkProvider
        publishableKey={key}
        proxyUrl={fapi}
        Clerk={clerk}
        ui={ClerkUI ? { ClerkUI } : undefined}
        telemetry={false}
      >
        <QueryClientProvider client={queryClient}>
          <ClerkEmailAddressesProvider fallback={<p>Loading Clerk…</p>}>
            <main style={{ display: 'flex', gap: '2rem' }}>
              <ClerkSide />
              <OurSide />
            </main>
          </ClerkEmailAddressesProvider>
        </QueryClientProvider>
      </ClerkProvider>
    </StrictMode>,
  )
}

const globals: Partial<SidesGlobals> = { queryClient, ready: start() }
Object.assign(window, globals)
