import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { useDeleteEmailAddress } from './use-delete-email-address'
import { useEmailAddresses } from './use-email-addresses'
import { useSetPrimaryEmailAddress } from './use-set-primary-email-address'

const h = setupHarness({
  users: [{ email_addresses: ['a@example.com', 'b@example.com', 'c@example.com'] }],
})

function useSubject() {
  return {
    list: useEmailAddresses(),
    remove: useDeleteEmailAddress(),
    removeAnother: useDeleteEmailAddress(),
    setPrimary: useSetPrimaryEmailAddress(),
  }
}

async function setup() {
  const rendered = renderHook(useSubject, { wrapper: h.wrapper() })
  await waitFor(() => expect(rendered.result.current.list.isSuccess).toBe(true))
  const ids = Object.fromEntries(
    rendered.result.current.list.data!.emailAddresses.map((a) => [a.emailAddress, a.id]),
  )
  return { ...rendered, ids }
}

const emails = (result: { current: ReturnType<typeof useSubject> }) =>
  result.current.list.data?.emailAddresses.map((a) => a.emailAddress)

/** The app's view must end equal to what the emulator holds. */
async function expectInSyncWithServer(result: { current: ReturnType<typeof useSubject> }) {
  const server = await h.serverUser()
  expect(result.current.list.data?.primaryEmailAddressId).toBe(server.primary_email_address_id)
  expect([...emails(result)!].sort()).toEqual(
    server.email_addresses.map((a) => a.email_address).sort(),
  )
}

describe('optimistic delete', () => {
  it('removes the row at once, before the server answers', async () => {
    const { result, ids } = await setup()
    const held = h.hold({ method: 'DELETE', path: '/v1/me/email_addresses/*' })
    act(() => result.current.remove.mutate({ id: ids['b@example.com']! }))
    await waitFor(() => expect(emails(result)).not.toContain('b@example.com'))
    expect(emails(result)).toHaveLength(2)
    expect(result.current.remove.isPending).toBe(true)
    await held.reached()
    held.open()
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true))
    await expectInSyncWithServer(result)
  })

  it('keeps the other addresses as the same objects, so memoized rows do not render again', async () => {
    const { result } = await setup()
    const [first, ...others] = result.current.list.data!.emailAddresses
    await act(() => result.current.remove.mutateAsync({ id: first!.id }))
    await waitFor(() => expect(emails(result)).toHaveLength(2))
    // Through the optimistic change and the server's confirmation, each survivor is untouched.
    expect(result.current.list.data!.emailAddresses).toHaveLength(others.length)
    result.current.list.data!.emailAddresses.forEach((address, i) => {
      expect(address).toBe(others[i])
    })
  })

  it.each([
    ['a 500', { status: 500, drop: false }],
    ['a dropped connection', { drop: true }],
  ])(
    'brings the row back on %s, in its place',
    async (_label, fault: { status?: number; drop: boolean }) => {
      const { result, ids } = await setup()
      const before = emails(result)
      h.emulator.injectFault({ method: 'DELETE', path: '/v1/me/email_addresses/*', ...fault })
      await act(() =>
        result.current.remove.mutateAsync({ id: ids['b@example.com']! }).catch(() => null),
      )
      await waitFor(() =>
        expect(result.current.remove.error?.code).toBe(
          // A dropped connection is a lost answer: the list is fetched, and the removal was not made.
          fault.status ? 'internal_clerk_error' : 'change_not_applied',
        ),
      )
      expect(emails(result)).toEqual(before)
      await expectInSyncWithServer(result)
    },
  )

  it('rolls back exactly the failed one when two deletes overlap', async () => {
    const { result, ids } = await setup()
    // b's request is held, then fails; c's succeeds in between.
    const bPath = `/v1/me/email_addresses/${ids['b@example.com']}`
    const held = h.hold({ method: 'DELETE', path: bPath })
    h.emulator.injectFault({ method: 'DELETE', path: bPath, status: 500 })
    act(() => result.current.remove.mutate({ id: ids['b@example.com']! }))
    await waitFor(() => expect(emails(result)).not.toContain('b@example.com'))
    await act(() => result.current.removeAnother.mutateAsync({ id: ids['c@example.com']! }))
    expect(emails(result)).toEqual(['a@example.com'])
    expect(result.current.remove.isPending).toBe(true)
    held.open()
    await waitFor(() => expect(result.current.remove.isError).toBe(true))
    expect([...emails(result)!].sort()).toEqual(['a@example.com', 'b@example.com'])
    await expectInSyncWithServer(result)
  })
})

describe('optimistic set primary', () => {
  it('moves the primary at once and keeps it when the server agrees', async () => {
    const { result, ids } = await setup()
    const held = h.hold({ method: 'PATCH', path: '/v1/me' })
    act(() => result.current.setPrimary.mutate({ id: ids['c@example.com']! }))
    await waitFor(() =>
      expect(result.current.list.data?.primaryEmailAddress?.emailAddress).toBe('c@example.com'),
    )
    expect(emails(result)?.[0]).toBe('c@example.com')
    expect(result.current.setPrimary.isPending).toBe(true)
    held.open()
    await waitFor(() => expect(result.current.setPrimary.isSuccess).toBe(true))
    await expectInSyncWithServer(result)
  })

  it.each([
    ['a 500', { status: 500 }],
    ['a dropped connection', { drop: true }],
  ])('moves it back on %s', async (_label, fault) => {
    const { result, ids } = await setup()
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', ...fault })
    await act(() =>
      result.current.setPrimary.mutateAsync({ id: ids['c@example.com']! }).catch(() => null),
    )
    await waitFor(() => expect(result.current.setPrimary.isError).toBe(true))
    expect(result.current.list.data?.primaryEmailAddress?.emailAddress).toBe('a@example.com')
    await expectInSyncWithServer(result)
  })

  it('keeps a successful delete when an overlapping set-primary fails', async () => {
    const { result, ids } = await setup()
    // The set-primary is held, then fails; the delete succeeds in between.
    const held = h.hold({ method: 'PATCH', path: '/v1/me' })
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', status: 500 })
    act(() => result.current.setPrimary.mutate({ id: ids['c@example.com']! }))
    await act(() => result.current.remove.mutateAsync({ id: ids['b@example.com']! }))
    await waitFor(() =>
      expect(result.current.list.data?.primaryEmailAddress?.emailAddress).toBe('c@example.com'),
    )
    expect(result.current.setPrimary.isPending).toBe(true)
    held.open()
    await waitFor(() => expect(result.current.setPrimary.isError).toBe(true))
    expect(emails(result)).toEqual(['a@example.com', 'c@example.com'])
    await expectInSyncWithServer(result)
  })
})

/** A list built on the hooks alone, as an app with its own markup would. */
function HeadlessList({ label }: { label: string }) {
  const { data } = useEmailAddresses()
  const remove = useDeleteEmailAddress()
  const setPrimary = useSetPrimaryEmailAddress()
  return (
    <ul aria-label={label}>
      {data?.emailAddresses.map((address) => (
        <li key={address.id}>
          <span>
            {address.emailAddress}
            {address.id === data.primaryEmailAddressId ? ' (primary)' : ''}
          </span>
          <button onClick={() => remove.mutate({ id: address.id })}>
            Remove {address.emailAddress}
          </button>
          <button onClick={() => setPrimary.mutate({ id: address.id })}>
            Primary {address.emailAddress}
          </button>
        </li>
      ))}
    </ul>
  )
}

const items = (label: string) =>
  within(screen.getByRole('list', { name: label }))
    .queryAllByRole('listitem')
    .map((item) => item.firstChild?.textContent)

describe('a UI built on the hooks alone', () => {
  async function renderHeadless(...labels: string[]) {
    const queryClient = h.newQueryClient()
    const Wrapper = h.wrapper({}, queryClient)
    render(
      <Wrapper>
        {labels.map((label) => (
          <HeadlessList key={label} label={label} />
        ))}
      </Wrapper>,
    )
    await waitFor(() => expect(items(labels[0]!)).toHaveLength(3))
    return queryClient
  }

  it('shows a removal in the render of the click, and keeps it when the server agrees', async () => {
    const queryClient = await renderHeadless('mine')
    const held = h.hold({ method: 'DELETE', path: '/v1/me/email_addresses/*' })
    // fireEvent is synchronous: no timer or promise runs between the click and the assertion.
    fireEvent.click(screen.getByRole('button', { name: 'Remove b@example.com' }))
    expect(items('mine')).toEqual(['a@example.com (primary)', 'c@example.com'])
    await held.reached()
    expect(h.requests.filter((request) => request.startsWith('DELETE'))).toHaveLength(1)
    expect(items('mine')).toEqual(['a@example.com (primary)', 'c@example.com'])
    held.open()
    // The answer is in once no mutation is pending.
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    expect((await h.serverUser()).email_addresses.map((a) => a.email_address)).not.toContain(
      'b@example.com',
    )
    expect(items('mine')).toEqual(['a@example.com (primary)', 'c@example.com'])
  })

  it('moves the primary in the render of the click, and back exactly on failure', async () => {
    await renderHeadless('mine')
    const held = h.hold({ method: 'PATCH', path: '/v1/me' })
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', status: 500 })
    fireEvent.click(screen.getByRole('button', { name: 'Primary c@example.com' }))
    expect(items('mine')).toEqual(['c@example.com (primary)', 'a@example.com', 'b@example.com'])
    await held.reached()
    expect(items('mine')).toEqual(['c@example.com (primary)', 'a@example.com', 'b@example.com'])
    held.open()
    await waitFor(() => expect(items('mine')[0]).toBe('a@example.com (primary)'))
    expect(items('mine')).toEqual(['a@example.com (primary)', 'b@example.com', 'c@example.com'])
  })

  it('shares pending changes between two providers of one scope and one query client', async () => {
    const queryClient = h.newQueryClient()
    const Wrapper = h.wrapper({}, queryClient)
    render(
      <>
        <Wrapper>
          <HeadlessList label="header" />
        </Wrapper>
        <Wrapper>
          <HeadlessList label="settings" />
        </Wrapper>
      </>,
    )
    await waitFor(() => expect(items('settings')).toHaveLength(3))
    const held = h.hold({ method: 'DELETE', path: '/v1/me/email_addresses/*' })
    fireEvent.click(
      within(screen.getByRole('list', { name: 'settings' })).getByRole('button', {
        name: 'Remove c@example.com',
      }),
    )
    expect(items('header')).toEqual(['a@example.com (primary)', 'b@example.com'])
    await held.reached()
    expect(h.requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(1)
    held.open()
    // Once the answer is in, neither provider asked for the list again.
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    expect(items('header')).toEqual(['a@example.com (primary)', 'b@example.com'])
    expect(h.requests.filter((request) => request === 'GET /v1/me')).toHaveLength(1)
  })
})
