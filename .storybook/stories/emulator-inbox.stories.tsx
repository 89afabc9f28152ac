/**
 * The Storybook harness itself: a fresh emulator per story, the "Emulator inbox" panel and the
 * reverification dialog, shown with a tiny hooks-only demo so they are tested without any component.
 */
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import {
  useCreateEmailAddress,
  useEmailAddresses,
  usePrepareEmailAddressVerification,
} from '../../src/index'
import { seeds } from '../../src/testing/index'
import { emulatorParameters } from '../emulator'

/** Lists the addresses and sends a code or a link to the first unverified one, with plain hooks. */
function HooksDemo() {
  const { data, error } = useEmailAddresses()
  const [email, setEmail] = useState('new@example.com')
  const create = useCreateEmailAddress()
  const prepare = usePrepareEmailAddressVerification()
  if (error) {
    return <p role="alert">Could not load the addresses ({error.code}).</p>
  }
  if (!data) {
    return <p aria-busy="true">Loading…</p>
  }
  const unverified = data.emailAddresses.find((a) => a.verification?.status !== 'verified')
  return (
    <section aria-label="Hooks demo">
      <ul>
        {data.emailAddresses.map((address) => (
          <li key={address.id}>
            {address.emailAddress}: {address.verification?.status ?? 'unverified'}
          </li>
        ))}
      </ul>
      <label>
        New address{' '}
        <input value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
      </label>{' '}
      <button type="button" onClick={() => create.mutate({ emailAddress: email })}>
        Add
      </button>
      {create.error && <p role="alert">Add failed: {create.error.code}</p>}
      {unverified && (
        <p>
          <button
            type="button"
            onClick={() => prepare.mutate({ id: unverified.id, strategy: 'email_code' })}
          >
            Send a code to {unverified.emailAddress}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              prepare.mutate({
                id: unverified.id,
                strategy: 'email_link',
                redirectUrl: window.location.href,
              })
            }
          >
            Send a link to {unverified.emailAddress}
          </button>
        </p>
      )}
    </section>
  )
}

const meta = {
  title: 'Storybook/Emulator inbox',
  component: HooksDemo,
  parameters: emulatorParameters({ seed: seeds.default }),
} satisfies Meta<typeof HooksDemo>

export default meta
type Story = StoryObj<typeof meta>

/** One verified primary address, nothing sent yet: the inbox is empty. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('jane@example.com: verified')).toBeVisible()
    const inbox = canvas.getByRole('complementary', { name: 'Emulator inbox' })
    await expect(within(inbox).getByText('No messages yet.')).toBeVisible()
  },
}

/** Sending a code to a fresh address puts the code in the inbox. */
export const CodeInInbox: Story = {
  parameters: emulatorParameters({
    seed: {
      users: [
        {
          email_addresses: [
            'jane@example.com',
            { email_address: 'new@example.com', verified: false },
          ],
        },
      ],
    },
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Send a code to new@example.com' }),
    )
    const inbox = canvas.getByRole('complementary', { name: 'Emulator inbox' })
    await waitFor(() => expect(within(inbox).getAllByTestId('emulator-message')).toHaveLength(1))
    const code = emulator.latestMessage('new@example.com')?.code
    await expect(code).toMatch(/^\d{6}$/)
    await expect(within(inbox).getByText(code ?? '')).toBeVisible()
  },
}

/** The inbox's link button opens the email link through msw; the address turns verified. */
export const LinkFromInbox: Story = {
  parameters: CodeInInbox.parameters,
  play: async ({ canvas, userEvent, storyEmulator }) => {
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Send a link to new@example.com' }),
    )
    const open = await canvas.findByRole('button', {
      name: 'Open the verification link for new@example.com',
    })
    await userEvent.click(open)
    await expect(await canvas.findByText('Link opened.')).toBeVisible()
    // The demo does not poll; a real link-pending UI does (useEmailLinkVerification).
    await storyEmulator.queryClient.invalidateQueries()
    await expect(await canvas.findByText('new@example.com: verified')).toBeVisible()
  },
}

/** An action that needs a fresh sign-in opens the dialog; "Confirm" retries the call once. */
export const ReverificationDialog: Story = {
  parameters: emulatorParameters({
    seed: { ...seeds.default, settings: { reverificationRequired: ['create_email_address'] } },
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add' }))
    const dialog = await within(document.body).findByRole('dialog', { name: "Confirm it's you" })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await expect(await canvas.findByText('new@example.com: unverified')).toBeVisible()
  },
}

/**
 * The dialog runs the emulator's real reverification: the code goes to the inbox (and is filled in);
 * a wrong code is refused with an error on the field, the right one completes the step-up and the
 * call is sent again.
 */
export const ReverificationWrongCode: Story = {
  parameters: emulatorParameters({
    seed: { ...seeds.default, settings: { reverificationRequired: ['create_email_address'] } },
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add' }))
    const dialog = within(
      await within(document.body).findByRole('dialog', { name: "Confirm it's you" }),
    )
    const sent = emulator.latestMessage('jane@example.com')
    await expect(sent).toMatchObject({ purpose: 'reverification', strategy: 'email_code' })
    const field = dialog.getByLabelText('Verification code')
    await expect(field).toHaveValue(sent!.code)
    await userEvent.clear(field)
    await userEvent.type(field, sent!.code === '000000' ? '111111' : '000000')
    await userEvent.click(dialog.getByRole('button', { name: 'Confirm' }))
    // The alert is always there (empty until an error): wait for the refusal's text.
    await waitFor(() =>
      expect(dialog.getByRole('alert')).toHaveTextContent('That code is not right.'),
    )
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await userEvent.clear(field)
    await userEvent.type(field, sent!.code!)
    await userEvent.click(dialog.getByRole('button', { name: 'Confirm' }))
    await expect(await canvas.findByText('new@example.com: unverified')).toBeVisible()
  },
}

/** Faults from `parameters.emulator.faults`: here FAPI is down (503 on every `GET /v1/me`). */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    faults: [{ method: 'GET', path: '/v1/me', status: 503, times: 1000 }],
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('maintenance_mode')
    await expect(canvas.queryByRole('complementary', { name: 'Emulator inbox' })).toBeNull()
  },
}
