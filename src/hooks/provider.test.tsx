import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { EmailAddressesProvider } from './email-addresses-provider'
import { useCreateEmailAddress } from './use-create-email-address'
import { useEmailAddresses } from './use-email-addresses'
import { useFapiClient } from './use-fapi-client'

const h = setupHarness({ users: [{ email_addresses: ['jane@example.com', 'work@example.com'] }] })

// A development instance (its host ends in accounts.dev), so the client keeps a dev-browser token.
const DEV_KEY = `pk_test_${btoa('fapi.emulator.accounts.dev$')}`

describe('EmailAddressesProvider', () => {
  it('keeps one client, and its dev-browser token, when the app passes inline functions', async () => {
    const fetches: string[] = []
    let render = 0
    function Wrapper({ children }: { children: ReactNode }) {
      render += 1
      const mine = `fetch of render ${render}`
      return (
        <EmailAddressesProvider
          publishableKey={DEV_KEY}
          sessionId={h.emulator.signedIn.sessionId}
          queryClient={queryClient}
          // A new function on every render, as apps write it.
          fetch={(input, init) => {
            fetches.push(mine)
            return globalThis.fetch(input, init)
          }}
        >
          {children}
        </EmailAddressesProvider>
      )
    }
    const queryClient = h.newQueryClient()
    const hook = renderHook(
      () => ({
        list: useEmailAddresses(),
        create: useCreateEmailAddress(),
        client: useFapiClient(),
      }),
      { wrapper: Wrapper },
    )
    await waitFor(() => expect(hook.result.current.list.isSuccess).toBe(true))
    const client = hook.result.current.client
    hook.rerender()
    hook.rerender()
    expect(hook.result.current.client).toBe(client)
    await act(() => hook.result.current.create.mutateAsync({ emailAddress: 'new@example.com' }))
    expect(h.requests).toEqual([
      'POST /v1/dev_browser',
      'GET /v1/me',
      'POST /v1/me/email_addresses/',
    ])
    // Each request went through the function of the render before it.
    expect(fetches.at(-1)).toBe(`fetch of render ${render}`)
  })

  it('shows the other addresses when one in the answer is malformed, and reports it once', async () => {
    const issues: unknown[] = []
    // A proxy between the app and FAPI garbles one address of every user it passes along.
    const garbling: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init)
      const body = (await response.json()) as {
        response?: { email_addresses?: { verification: unknown }[] }
        client?: unknown
      }
      const addresses = body.response?.email_addresses
      if (addresses?.[1]) {
        addresses[1].verification = { status: 'verified', strategy: 'email_code', attempts: 'x' }
      }
      return Response.json({ ...body, client: null }, { status: response.status })
    }
    const hook = renderHook(() => useEmailAddresses(), {
      wrapper: h.wrapper({ fetch: garbling, onResponseIssue: (issue) => issues.push(issue) }),
    })
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true))
    await act(() => hook.result.current.refetch())
    expect(hook.result.current.data?.emailAddresses.map((a) => a.emailAddress)).toEqual([
      'jane@example.com',
    ])
    expect(issues).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(/^email_addresses\[idn_\w+\]\.verification\.attempts$/),
      }),
    ])
  })
})
