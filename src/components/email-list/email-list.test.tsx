import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../../test/support/hooks-harness'
import { useState } from 'react'
import { EmailList } from './email-list'
import { EmailListItem, EmailListItemAddress } from './email-list-item'
import { EmailListItemActions } from './email-list-item-actions'
import { EmailListItems } from './email-list-items'

const h = setupHarness({
  users: [
    {
      email_addresses: [
        'jane@example.com',
        'work@example.com',
        { email_address: 'new@example.com', verified: false },
      ],
    },
  ],
})

function renderList(onVerify = vi.fn()) {
  const Wrapper = h.wrapper()
  render(
    <Wrapper>
      <EmailList onVerify={onVerify} />
    </Wrapper>,
  )
  return onVerify
}

const rows = () => screen.getAllByRole('listitem')
const row = (email: string) => rows().find((item) => item.textContent?.includes(email))!

describe('EmailList', () => {
  it('shows a loading state, then the addresses in order with their badges', async () => {
    renderList()
    expect(screen.getByText('Loading email addresses…')).toBeInTheDocument()
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(
      rows().map(
        (item) => item.querySelector('[data-slot="rea-email-list-item-address"]')?.textContent,
      ),
    ).toEqual(['jane@example.com', 'work@example.com', 'new@example.com'])
    expect(within(row('jane@example.com')).getByText('Primary')).toBeInTheDocument()
    expect(within(row('work@example.com')).getByText('Verified')).toBeInTheDocument()
    expect(within(row('new@example.com')).getByText('Unverified')).toBeInTheDocument()
    expect(row('jane@example.com')).toHaveAttribute('data-primary')
    expect(row('new@example.com')).toHaveAttribute('data-verification', 'unverified')
  })

  it('offers the actions that fit each row', async () => {
    const onVerify = renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    const primary = within(row('jane@example.com'))
    expect(primary.queryByRole('button', { name: 'Make primary' })).not.toBeInTheDocument()
    expect(
      within(row('work@example.com')).getByRole('button', { name: 'Make primary' }),
    ).toBeEnabled()
    const unverified = within(row('new@example.com'))
    expect(unverified.queryByRole('button', { name: 'Make primary' })).not.toBeInTheDocument()
    await userEvent.click(unverified.getByRole('button', { name: 'Verify' }))
    expect(onVerify).toHaveBeenCalledWith(
      expect.objectContaining({ emailAddress: 'new@example.com' }),
    )
  })

  it('makes an address primary, announces it, and reorders once the pointer leaves', async () => {
    renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    const user = userEvent.setup()
    await user.click(within(row('work@example.com')).getByRole('button', { name: 'Make primary' }))
    // The badge moves at once; the rows stay under the pointer so the next click lands where aimed.
    expect(within(row('work@example.com')).getByText('Primary')).toBeInTheDocument()
    expect(rows()[0]).toHaveTextContent('jane@example.com')
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'work@example.com is now your primary email address.',
      ),
    )
    expect(row('work@example.com')).toHaveFocus()
    fireEvent.pointerLeave(screen.getByRole('region', { name: 'Email addresses' }))
    expect(rows()[0]).toHaveTextContent('work@example.com')
    expect(row('work@example.com')).toHaveFocus()
    const server = await h.serverUser()
    expect(
      server.email_addresses.find((a) => a.id === server.primary_email_address_id)?.email_address,
    ).toBe('work@example.com')
  })

  it('sends one change for a double click on "Make primary"', async () => {
    renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    const held = h.hold({ method: 'PATCH', path: '/v1/me' })
    const user = userEvent.setup()
    const button = within(row('work@example.com')).getByRole('button', { name: 'Make primary' })
    await user.dblClick(button)
    // The button keeps its place under the pointer while the change is in flight.
    await held.reached()
    expect(within(row('work@example.com')).getByRole('button', { name: 'Make primary' })).toBe(
      button,
    )
    expect(button).toHaveAttribute('aria-disabled', 'true')
    held.open()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('work@example.com is now'),
    )
    expect(h.requests.filter((request) => request === 'PATCH /v1/me')).toHaveLength(1)
    const server = await h.serverUser()
    expect(
      server.email_addresses.find((a) => a.id === server.primary_email_address_id)?.email_address,
    ).toBe('work@example.com')
  })

  it('shows the new primary in the click’s own render, before the cache catches up', async () => {
    renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    // fireEvent is synchronous: no timer or promise runs between the click and the assertions.
    fireEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Make primary' }))
    expect(rows()[0]).toHaveTextContent('work@example.com')
    expect(row('work@example.com')).toHaveAttribute('data-primary')
    expect(row('jane@example.com')).not.toHaveAttribute('data-primary')
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'work@example.com is now your primary email address.',
      ),
    )
    expect(rows()[0]).toHaveTextContent('work@example.com')
  })

  it('puts the primary back, with a clear message, when the change fails', async () => {
    renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', status: 500 })
    fireEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Make primary' }))
    expect(row('work@example.com')).toHaveAttribute('data-primary')
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^work@example.com: /))
    await waitFor(() => expect(rows()[0]).toHaveTextContent('jane@example.com'))
    expect(row('jane@example.com')).toHaveAttribute('data-primary')
    expect(row('work@example.com')).not.toHaveAttribute('data-primary')
    const server = await h.serverUser()
    expect(
      server.email_addresses.find((a) => a.id === server.primary_email_address_id)?.email_address,
    ).toBe('jane@example.com')
  })

  it('removes only after confirmation, and keeps focus in the list', async () => {
    renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Remove' }))
    expect(screen.getByText(/Remove work@example.com\?/)).toBeInTheDocument()
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Cancel' }))
    expect(rows()).toHaveLength(3)
    expect(within(row('work@example.com')).getByRole('button', { name: 'Remove' })).toHaveFocus()
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Remove' }))
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Email addresses' }))
    expect(screen.getByRole('status')).toHaveTextContent('work@example.com was removed.')
  })

  it('brings a row back with a clear message when removal fails', async () => {
    renderList()
    await waitFor(() => expect(rows()).toHaveLength(3))
    h.emulator.injectFault({ method: 'DELETE', path: '/v1/me/email_addresses/*', drop: true })
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Remove' }))
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Remove' }))
    await waitFor(() =>
      expect(screen.getByRole('alert', { hidden: false })).toHaveTextContent(
        'work@example.com: The server’s answer did not come through, so we checked your account: the change was not made, and the list is up to date. You can try again.',
      ),
    )
    expect(rows()).toHaveLength(3)
  })
})

describe('EmailList from its parts', () => {
  it('lets the app own a row’s remove confirmation (removeOpen / onRemoveOpenChange)', async () => {
    const onRemoveOpenChange = vi.fn()
    function Rows() {
      const [openFor, setOpenFor] = useState<string | null>(null)
      return (
        <EmailList>
          <EmailListItems>
            {(address) => (
              <EmailListItem
                address={address}
                removeOpen={openFor === address.emailAddress}
                onRemoveOpenChange={(open) => {
                  onRemoveOpenChange(address.emailAddress, open)
                  setOpenFor(open ? address.emailAddress : null)
                }}
              >
                <EmailListItemAddress />
                <EmailListItemActions />
              </EmailListItem>
            )}
          </EmailListItems>
          <button type="button" onClick={() => setOpenFor('work@example.com')}>
            Ask to remove work
          </button>
        </EmailList>
      )
    }
    const Wrapper = h.wrapper()
    render(
      <Wrapper>
        <Rows />
      </Wrapper>,
    )
    await waitFor(() => expect(rows()).toHaveLength(3))
    await userEvent.click(screen.getByRole('button', { name: 'Ask to remove work' }))
    expect(within(row('work@example.com')).getByText(/Remove work@example.com\?/)).toBeVisible()
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Cancel' }))
    expect(onRemoveOpenChange).toHaveBeenLastCalledWith('work@example.com', false)
    expect(within(row('work@example.com')).queryByText(/Remove work@example.com\?/)).toBeNull()
    await userEvent.click(within(row('jane@example.com')).getByRole('button', { name: 'Remove' }))
    expect(onRemoveOpenChange).toHaveBeenLastCalledWith('jane@example.com', true)
  })

  it('says which part is outside its root', () => {
    const Wrapper = h.wrapper()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() =>
      render(
        <Wrapper>
          <EmailListItemAddress />
        </Wrapper>,
      ),
    ).toThrow('`EmailListItemAddress` must be used within `EmailListItem`.')
  })
})

describe('EmailList edge states', () => {
  const single = setupHarness({ users: [{ email_addresses: ['only@example.com'] }] })

  it('disables removing the last address and says why', async () => {
    const Wrapper = single.wrapper()
    render(
      <Wrapper>
        <EmailList />
      </Wrapper>,
    )
    const remove = await screen.findByRole('button', { name: 'Remove' })
    expect(remove).toBeDisabled()
    expect(remove).toHaveAccessibleDescription(
      'You need at least one email address, so this one cannot be removed.',
    )
  })

  it('shows an error with a retry that recovers', async () => {
    single.emulator.injectFault({ method: 'GET', path: '/v1/me', status: 500 })
    const Wrapper = single.wrapper()
    render(
      <Wrapper>
        <EmailList />
      </Wrapper>,
    )
    expect(await screen.findByText(/could not be loaded/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('only@example.com')).toBeInTheDocument()
  })
})

describe('EmailList with one verified address among unverified ones', () => {
  const mixed = setupHarness({
    users: [
      {
        email_addresses: [
          'jane@example.com',
          { email_address: 'new@example.com', verified: false },
        ],
      },
    ],
  })

  it('keeps the verified one, with the reason, and lets the unverified one go', async () => {
    const Wrapper = mixed.wrapper()
    render(
      <Wrapper>
        <EmailList />
      </Wrapper>,
    )
    await waitFor(() => expect(rows()).toHaveLength(2))
    const keep = within(row('jane@example.com')).getByRole('button', { name: 'Remove' })
    expect(keep).toBeDisabled()
    expect(keep).toHaveAccessibleDescription(
      'You need at least one verified email address. Verify another one before you remove this one.',
    )
    expect(within(row('new@example.com')).getByRole('button', { name: 'Remove' })).toBeEnabled()
  })
})

describe('EmailList with an internationalised domain', () => {
  const idn = setupHarness({ users: [{ email_addresses: ['jane@xn--bcher-kva.de'] }] })

  it('shows the domain as people read it', async () => {
    const Wrapper = idn.wrapper()
    render(
      <Wrapper>
        <EmailList />
      </Wrapper>,
    )
    expect(await screen.findByText('jane@bücher.de')).toBeInTheDocument()
  })
})
