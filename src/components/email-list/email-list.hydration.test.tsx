import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query'
import { screen, waitFor } from '@testing-library/react'
import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { FAPI, setupHarness } from '../../../test/support/hooks-harness'
import { createFapiClient } from '../../api/fapi-client'
import { EmailList } from './email-list'
import { emailAddressQueries } from '../../hooks/email-address-queries'
import { EmailAddressesProvider } from '../../hooks/email-addresses-provider'

const h = setupHarness({ users: [{ email_addresses: ['jane@example.com', 'work@example.com'] }] })

describe('server prefetch and hydration', () => {
  it('renders the prefetched list on the server and hydrates it with no request', async () => {
    const sessionId = h.emulator.signedIn.sessionId
    // The server: its own client and cache, one GET, then the cache is handed to the page.
    const serverCache = new QueryClient()
    const server = createFapiClient({ frontendApi: FAPI, sessionId })
    await serverCache.prefetchQuery(emailAddressQueries.me(server))
    const state = JSON.parse(JSON.stringify(dehydrate(serverCache))) as ReturnType<typeof dehydrate>
    expect(h.requests).toEqual(['GET /v1/me'])
    h.requests.length = 0

    const browserCache = new QueryClient()
    const page = (
      <QueryClientProvider client={browserCache}>
        <HydrationBoundary state={state}>
          <EmailAddressesProvider frontendApi={FAPI} sessionId={sessionId}>
            <EmailList />
          </EmailAddressesProvider>
        </HydrationBoundary>
      </QueryClientProvider>
    )
    const html = renderToString(page)
    expect(html).toContain('work@example.com')

    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const mismatch = vi.fn()
    const root = await act(async () =>
      hydrateRoot(container, page, { onRecoverableError: mismatch }),
    )
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('jane@example.com'),
      expect.stringContaining('work@example.com'),
    ])
    await waitFor(() => expect(screen.getByRole('button', { name: 'Make primary' })).toBeEnabled())
    expect(mismatch).not.toHaveBeenCalled()
    expect(h.requests).toEqual([])
    act(() => root.unmount())
    container.remove()
  })
})
