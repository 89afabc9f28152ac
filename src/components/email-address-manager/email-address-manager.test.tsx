import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setupHarness } from '../../../test/support/hooks-harness'
import { EmailAddressManager } from './email-address-manager'

const h = setupHarness({ users: [{ email_addresses: ['jane@example.com'] }] })

function renderManager(props: Parameters<typeof EmailAddressManager>[0] = {}) {
  const Wrapper = h.wrapper()
  render(
    <Wrapper>
      <EmailAddressManager {...props} />
    </Wrapper>,
  )
}

const row = (email: string) =>
  screen.getAllByRole('listitem').find((item) => item.textContent?.includes(email))!

/** Presses Tab until `target` has focus (at most 30 times), as a keyboard user would. */
async function tabTo(target: HTMLElement) {
  for (let i = 0; i < 30 && document.activeElement !== target; i += 1) {
    await userEvent.tab()
  }
  expect(document.activeElement).toBe(target)
}

describe('EmailAddressManager', () => {
  it('resumes a verification under its row, mounting the code once the list is there', async () => {
    const held = h.hold({ method: 'GET', path: '/v1/me' })
    const { id } = await h.emulator
      .fetch(
        new Request(
          `https://fapi.emulator.test/v1/me/email_addresses?_clerk_session_id=${h.emulator.signedIn.sessionId}`,
          { method: 'POST', body: new URLSearchParams({ email_address: 'new@example.com' }) },
        ),
      )
      .then(async (response) => ((await response.json()) as { response: { id: string } }).response)
    renderManager({ defaultStep: { step: 'verify', emailAddressId: id, strategy: 'email_code' } })
    await held.reached()
    // The list is on its way: no code step anywhere yet (not below the list, to move later).
    expect(screen.queryByLabelText('Verification code')).not.toBeInTheDocument()
    held.open()
    const code = await within(await waitFor(() => row('new@example.com'))).findByLabelText(
      'Verification code',
    )
    await waitFor(() => expect(code).toHaveFocus())
    await userEvent.type(code, '12')
    expect(within(row('new@example.com')).getByLabelText('Verification code')).toBe(code)
    expect(code).toHaveValue('12')
  })

  it('runs the whole lifecycle with the keyboard alone', async () => {
    const user = userEvent.setup()
    renderManager()
    await screen.findByText('jane@example.com')

    await tabTo(screen.getByRole('button', { name: 'Add an email address' }))
    await user.keyboard('{Enter}')
    expect(screen.getByLabelText('Email address')).toHaveFocus()
    await user.keyboard('new@example.com{Enter}')

    const code = await screen.findByLabelText('Verification code')
    await waitFor(() => expect(code).toHaveFocus())
    await waitFor(() => expect(h.emulator.latestMessage('new@example.com')?.code).toBeTruthy())
    // An Enter that lands on the code before any digit (a held or repeated key) is not a try.
    await user.keyboard('{Enter}')
    expect(code).not.toHaveAttribute('aria-invalid')
    expect(h.requests.filter((r) => r.endsWith('/attempt_verification'))).toHaveLength(0)
    await user.keyboard(h.emulator.latestMessage('new@example.com')!.code!)

    const done = await screen.findByRole('button', { name: 'Done' })
    expect(screen.getByText('new@example.com is verified.')).toBeInTheDocument()
    await waitFor(() => expect(done).toHaveFocus())
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add an email address' })).toHaveFocus(),
    )

    await tabTo(within(row('new@example.com')).getByRole('button', { name: 'Make primary' }))
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(within(row('new@example.com')).getByText('Primary')).toBeInTheDocument(),
    )

    await tabTo(within(row('jane@example.com')).getByRole('button', { name: 'Remove' }))
    await user.keyboard('{Enter}')
    // The confirmation starts on the safe choice: a second Enter does not delete.
    expect(within(row('jane@example.com')).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Shift>}{Tab}{/Shift}')
    expect(within(row('jane@example.com')).getByRole('button', { name: 'Remove' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByText('jane@example.com')).not.toBeInTheDocument())

    const server = await h.serverUser()
    expect(server.email_addresses.map((a) => a.email_address)).toEqual(['new@example.com'])
    expect(server.primary_email_address_id).toBe(server.email_addresses[0]!.id)
  })

  it('verifies an existing unverified address from its row', async () => {
    h.emulator.reset({
      users: [
        {
          email_addresses: [
            'jane@example.com',
            { email_address: 'old+clerk_test@example.com', verified: false },
          ],
        },
      ],
    })
    renderManager()
    await userEvent.click(await screen.findByRole('button', { name: 'Verify' }))
    await userEvent.type(await screen.findByLabelText('Verification code'), '424242')
    // The code input's own status leaves with it; the manager's "done" panel stays.
    await screen.findByRole('button', { name: 'Done' })
    expect(screen.getByText('old+clerk_test@example.com is verified.')).toBeInTheDocument()
    await waitFor(() =>
      expect(within(row('old+clerk_test@example.com')).getByText('Verified')).toBeInTheDocument(),
    )
  })

  it('waits for an email link and turns verified by itself', async () => {
    renderManager({ strategy: 'email_link', redirectUrl: 'https://app.example.test/verified' })
    await userEvent.click(await screen.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(screen.getByLabelText('Email address'), 'link@example.com{Enter}')
    expect(await screen.findByText('Check your inbox')).toBeInTheDocument()
    await waitFor(() => expect(h.emulator.latestMessage('link@example.com')?.link).toBeTruthy())
    await h.emulator.fetch(
      new Request(h.emulator.latestMessage('link@example.com')!.link!, { redirect: 'manual' }),
    )
    expect(
      await screen.findByText('link@example.com is verified.', {}, { timeout: 3000 }),
    ).toBeInTheDocument()
  })

  it('cancelled while an address is being added: it stays, unverified, nothing is sent, focus stays', async () => {
    const user = userEvent.setup()
    renderManager()
    await screen.findByText('jane@example.com')
    const held = h.hold({ method: 'POST', path: '/v1/me/email_addresses' })
    await user.click(screen.getByRole('button', { name: 'Add an email address' }))
    await user.type(screen.getByLabelText('Email address'), 'slow@example.com{Enter}')
    // The add is at the server, its answer held, when the user cancels.
    await held.reached()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    const add = screen.getByRole('button', { name: 'Add an email address' })
    await waitFor(() => expect(add).toHaveFocus())
    held.open()
    // The server's answer arrives after the cancel: the list shows the address, nothing more happens.
    await waitFor(() =>
      expect(
        screen.getByText(
          'slow@example.com was added but is not verified yet. You can verify it from the list.',
        ),
      ).toBeInTheDocument(),
    )
    expect(within(row('slow@example.com')).getByText('Unverified')).toBeInTheDocument()
    expect(screen.queryByLabelText('Verification code')).not.toBeInTheDocument()
    expect(h.requests.filter((r) => r.endsWith('/prepare_verification'))).toHaveLength(0)
    expect(h.emulator.outbox).toHaveLength(0)
    expect(add).toHaveFocus()
  })
})
