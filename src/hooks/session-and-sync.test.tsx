import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import type { ReverificationRequest } from './email-addresses-provider'
import { useCreateEmailAddress } from './use-create-email-address'
import { useEmailAddresses } from './use-email-addresses'
import { useSetPrimaryEmailAddress } from './use-set-primary-email-address'

const h = setupHarness({
  users: [{ email_addresses: ['jane@example.com', 'work@example.com'] }],
  settings: {
    reverificationRequired: ['set_primary_email_address'],
    reverificationMaxAgeMs: 60_000,
  },
  now: Date.UTC(2026, 10, 23, 12),
})

function useSubject() {
  return {
    list: useEmailAddresses(),
    setPrimary: useSetPrimaryEmailAddress(),
    create: useCreateEmailAddress(),
  }
}

async function renderWith(onReverificationRequired: (request: ReverificationRequest) => void) {
  const rendered = renderHook(useSubject, { wrapper: h.wrapper({ onReverificationRequired }) })
  await waitFor(() => expect(rendered.result.current.list.isSuccess).toBe(true))
  const other = rendered.result.current.list.data!.emailAddresses.find(
    (a) => a.id !== rendered.result.current.list.data!.primaryEmailAddressId,
  )!
  h.emulator.clock.advance(61_000) // the sign-in is no longer fresh
  return { ...rendered, other }
}

describe('reverification', () => {
  it('asks the app, then sends the failed call again once and succeeds', async () => {
    const onReverificationRequired = vi.fn((request: ReverificationRequest) => {
      expect(request.error.code).toBe('session_reverification_required')
      h.emulator.reverify()
      request.complete()
    })
    const { result, other } = await renderWith(onReverificationRequired)
    await act(() => result.current.setPrimary.mutateAsync({ id: other.id }))
    expect(onReverificationRequired).toHaveBeenCalledTimes(1)
    expect(result.current.list.data?.primaryEmailAddressId).toBe(other.id)
    expect(h.requests.filter((r) => r === 'PATCH /v1/me')).toHaveLength(2)
    expect((await h.serverUser()).primary_email_address_id).toBe(other.id)
  })

  it('fails with the original error when the user cancels, and undoes the optimistic change', async () => {
    const { result, other } = await renderWith((request) => request.cancel())
    const primaryBefore = result.current.list.data?.primaryEmailAddressId
    await act(() => result.current.setPrimary.mutateAsync({ id: other.id }).catch(() => null))
    await waitFor(() =>
      expect(result.current.setPrimary.error).toMatchObject({
        status: 403,
        code: 'session_reverification_required',
      }),
    )
    expect(result.current.list.data?.primaryEmailAddressId).toBe(primaryBefore)
    expect(h.requests.filter((r) => r === 'PATCH /v1/me')).toHaveLength(1)
  })
})

describe('session expiry', () => {
  it('calls onSessionExpired on a 401', async () => {
    const onSessionExpired = vi.fn()
    h.emulator.injectFault({
      method: 'GET',
      path: '/v1/me',
      status: 401,
      code: 'authentication_invalid',
    })
    const { result } = renderHook(() => useEmailAddresses(), {
      wrapper: h.wrapper({ onSessionExpired }),
    })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(onSessionExpired).toHaveBeenCalledWith(
      expect.objectContaining({ status: 401, code: 'authentication_invalid' }),
    )
  })
})

describe('two tabs of one session', () => {
  it('show each other’s changes without a request', async () => {
    const tabA = renderHook(useSubject, { wrapper: h.wrapper() })
    // Read `data` during render, as a component does: TanStack only re-renders for props it saw read.
    const tabB = renderHook(() => useEmailAddresses().data, { wrapper: h.wrapper() })
    await waitFor(() =>
      expect(tabA.result.current.list.isSuccess && tabB.result.current).toBeTruthy(),
    )
    expect(h.requests).toEqual(['GET /v1/me', 'GET /v1/me'])

    await act(() => tabA.result.current.create.mutateAsync({ emailAddress: 'new@example.com' }))
    await waitFor(() =>
      expect(tabB.result.current?.emailAddresses.map((a) => a.emailAddress)).toContain(
        'new@example.com',
      ),
    )
    expect(h.requests).toEqual(['GET /v1/me', 'GET /v1/me', 'POST /v1/me/email_addresses/'])
  })

  it('stay apart when cross-tab sync is off', async () => {
    const tabA = renderHook(useSubject, { wrapper: h.wrapper({ crossTabSync: false }) })
    const tabB = renderHook(() => useEmailAddresses().data, {
      wrapper: h.wrapper({ crossTabSync: false }),
    })
    // Two more tabs of the session, with sync on: their message shows when one would have arrived.
    const tabC = renderHook(useSubject, { wrapper: h.wrapper() })
    const tabD = renderHook(() => useEmailAddresses().data, { wrapper: h.wrapper() })
    await waitFor(() =>
      expect(
        tabA.result.current.list.isSuccess &&
          tabB.result.current &&
          tabC.result.current.list.isSuccess &&
          tabD.result.current,
      ).toBeTruthy(),
    )
    await act(() => tabA.result.current.create.mutateAsync({ emailAddress: 'new@example.com' }))
    await act(() => tabC.result.current.create.mutateAsync({ emailAddress: 'later@example.com' }))
    await waitFor(() =>
      expect(tabD.result.current?.emailAddresses.map((a) => a.emailAddress)).toContain(
        'later@example.com',
      ),
    )
    expect(tabA.result.current.list.data?.emailAddresses).toHaveLength(3)
    expect(tabB.result.current?.emailAddresses).toHaveLength(2)
  })
})
