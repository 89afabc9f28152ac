import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { act, StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { useAttemptEmailAddressVerification } from './use-attempt-email-address-verification'
import { useCreateEmailAddress } from './use-create-email-address'
import { useDeleteEmailAddress } from './use-delete-email-address'
import { useEmailAddresses } from './use-email-addresses'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'
import { useSetPrimaryEmailAddress } from './use-set-primary-email-address'

const h = setupHarness({ users: [{ email_addresses: ['jane@example.com'] }] })

function useLifecycle() {
  return {
    list: useEmailAddresses(),
    create: useCreateEmailAddress(),
    prepare: usePrepareEmailAddressVerification(),
    attempt: useAttemptEmailAddressVerification(),
    setPrimary: useSetPrimaryEmailAddress(),
    remove: useDeleteEmailAddress(),
  }
}

describe('useEmailAddresses', () => {
  it('runs the whole lifecycle in exactly 6 requests, with no refetch', async () => {
    const { result } = renderHook(useLifecycle, { wrapper: h.wrapper() })
    await waitFor(() => expect(result.current.list.data?.emailAddresses).toHaveLength(1))
    const oldId = result.current.list.data!.primaryEmailAddressId!

    const { emailAddress } = await act(() =>
      result.current.create.mutateAsync({ emailAddress: 'new@example.com' }),
    )
    await waitFor(() =>
      expect(result.current.list.data?.emailAddresses.map((a) => a.emailAddress)).toEqual([
        'jane@example.com',
        'new@example.com',
      ]),
    )
    await act(() =>
      result.current.prepare.mutateAsync({ id: emailAddress.id, strategy: 'email_code' }),
    )
    await waitFor(() =>
      expect(result.current.list.data?.emailAddresses[1]?.verification?.status).toBe('unverified'),
    )

    const code = h.emulator.latestMessage('new@example.com')?.code
    expect(code).toMatch(/^\d{6}$/)
    await act(() => result.current.attempt.mutateAsync({ id: emailAddress.id, code: code! }))
    await waitFor(() =>
      expect(result.current.list.data?.emailAddresses[1]?.verification?.status).toBe('verified'),
    )

    await act(() => result.current.setPrimary.mutateAsync({ id: emailAddress.id }))
    await waitFor(() =>
      expect(result.current.list.data?.primaryEmailAddress?.emailAddress).toBe('new@example.com'),
    )

    await act(() => result.current.remove.mutateAsync({ id: oldId }))
    await waitFor(() =>
      expect(result.current.list.data?.emailAddresses.map((a) => a.emailAddress)).toEqual([
        'new@example.com',
      ]),
    )

    expect(h.requests).toEqual([
      'GET /v1/me',
      'POST /v1/me/email_addresses/',
      `POST /v1/me/email_addresses/${emailAddress.id}/prepare_verification`,
      `POST /v1/me/email_addresses/${emailAddress.id}/attempt_verification`,
      'PATCH /v1/me',
      `DELETE /v1/me/email_addresses/${oldId}`,
    ])
    const server = await h.serverUser()
    expect(server.primary_email_address_id).toBe(emailAddress.id)
    expect(server.email_addresses.map((a) => a.email_address)).toEqual(['new@example.com'])
  })

  it('serves ten components with one request', async () => {
    function Count({ n }: { n: number }) {
      const { data } = useEmailAddresses()
      return <p>{data ? `${n}: ${data.emailAddresses.length}` : 'loading'}</p>
    }
    const Wrapper = h.wrapper()
    render(
      <Wrapper>
        {Array.from({ length: 10 }, (_, n) => (
          <Count key={n} n={n} />
        ))}
      </Wrapper>,
    )
    expect(await screen.findByText('9: 1')).toBeInTheDocument()
    expect(h.requests).toEqual(['GET /v1/me'])
  })

  it('sends no extra request under StrictMode double mounting', async () => {
    const Wrapper = h.wrapper()
    const { result } = renderHook(() => useEmailAddresses(), {
      wrapper: ({ children }) => (
        <StrictMode>
          <Wrapper>{children}</Wrapper>
        </StrictMode>
      ),
    })
    // Settled: loaded, and nothing fetching (a second mount's fetch would still be under way).
    await waitFor(() =>
      expect(result.current).toMatchObject({ isSuccess: true, isFetching: false }),
    )
    expect(h.requests).toEqual(['GET /v1/me'])
  })

  it('re-renders a select subscriber only when its part changes', async () => {
    let renders = 0
    const { result } = renderHook(
      () => {
        renders += 1
        return {
          count: useEmailAddresses({ select: (data) => data.emailAddresses.length }),
          create: useCreateEmailAddress(),
        }
      },
      { wrapper: h.wrapper() },
    )
    await waitFor(() => expect(result.current.count.data).toBe(1))
    await act(() => result.current.create.mutateAsync({ emailAddress: 'b@example.com' }))
    await waitFor(() => expect(result.current.count.data).toBe(2))
    expect(renders).toBeLessThan(10)
  })

  it('reports a failed load as a FapiError', async () => {
    h.emulator.injectFault({
      method: 'GET',
      path: '/v1/me',
      status: 500,
      code: 'internal_clerk_error',
    })
    const { result } = renderHook(() => useEmailAddresses(), { wrapper: h.wrapper() })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toMatchObject({ status: 500, code: 'internal_clerk_error' })
  })

  it('keeps two sessions apart', async () => {
    const queryClient = h.newQueryClient()
    const first = renderHook(() => useEmailAddresses(), { wrapper: h.wrapper({}, queryClient) })
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true))
    const other = renderHook(() => useEmailAddresses(), {
      wrapper: h.wrapper({ sessionId: 'sess_unknown' }, queryClient),
    })
    await waitFor(() => expect(other.result.current.isError).toBe(true))
    expect(other.result.current.error?.status).toBe(401)
    expect(first.result.current.data?.emailAddresses).toHaveLength(1)
  })
})
