/**
 * The side-by-side page: Clerk's React SDK (with the real clerk-js) and our hooks through
 * `ClerkEmailAddressesProvider`, against the emulator named by `?fapi=`. Each side renders its own
 * list; the spec mutates one side through `window.app` and reads the other. With `?ui=1` Clerk's
 * prebuilt UI is loaded too (from this origin), so Clerk's own modals, reverification's among them, open.
 */
import { ClerkProvider } from '@clerk/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ClerkEmailAddressesProvider } from '../../../src/clerk'
import { loadClerkScript, loadClerkUi } from '../../../demo/load-clerk'
import { ClerkSide, OurSide } from './sides'

const params = new URLSearchParams(window.location.search)
const fapi = params.get('fapi') ?? ''
const publishableKey = params.get('key') ?? ''
const queryClient = new QueryClient()
Object.assign(window, { queryClient })

const clerk = await loadClerkScript(publishableKey, fapi)
const ClerkUI = params.get('ui') === '1' ? await loadClerkUi() : undefined
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClerkProvider
      publishableKey={publishableKey}
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
