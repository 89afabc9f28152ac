import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import {
  neverLoads,
  noAddresses,
  serverDown,
  SECONDARY_ID,
  linkedAddresses,
  threeAddresses,
  withSettings,
} from '../../../.storybook/fixtures'
import { seeds } from '../../testing/index'
import { EmailList } from './email-list'

const meta = {
  title: 'Email addresses/EmailList',
  component: EmailList,
  tags: ['autodocs'],
  args: { onVerify: fn() },
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
} satisfies Meta<typeof EmailList>

export default meta
type Story = StoryObj<typeof meta>

/** A row by the address it shows. */
async function findRow(canvas: ReturnType<typeof within>, email: string): Promise<HTMLElement> {
  const address = await canvas.findByText(email, {
    selector: '[data-slot="rea-email-list-item-address"]',
  })
  const row = address.closest('li')
  if (!row) {
    throw new Error(`no row for ${email}`)
  }
  return row
}

/** Primary first, then verified, then unverified; each with its badges and the actions that fit. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const primary = within(await findRow(canvas, 'jane@example.com'))
    await expect(primary.getByText('Primary')).toBeVisible()
    await expect(primary.queryByRole('button', { name: 'Make primary' })).toBeNull()
    const work = within(await findRow(canvas, 'jane@work.example'))
    await expect(work.getByText('Verified')).toBeVisible()
    await expect(work.getByRole('button', { name: 'Make primary' })).toBeEnabled()
    const unverified = within(await findRow(canvas, 'new@example.com'))
    await expect(unverified.getByText('Unverified')).toBeVisible()
    await expect(unverified.getByRole('button', { name: 'Verify' })).toBeEnabled()
  },
}

/** The skeleton while `GET /v1/me` is in flight (it never answers here). */
export const Loading: Story = {
  parameters: emulatorParameters({
    faults: neverLoads,
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading email addresses…')).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByRole('region', { name: 'Email addresses' })).toHaveAttribute(
      'data-state',
      'loading',
    )
  },
}

/** A user with no email address at all (e.g. signed up with a phone number). */
export const Empty: Story = {
  parameters: emulatorParameters({
    seed: { users: [{ first_name: 'Jane', email_addresses: [] }] },
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No email addresses yet.')).toBeVisible()
  },
}

/** The list failed once (500); "Try again" loads it. */
export const ErrorWithRetry: Story = {
  parameters: emulatorParameters({
    seed: threeAddresses,
    faults: [{ method: 'GET', path: '/v1/me', status: 500 }],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    const alert = await canvas.findByText(/could not be loaded/)
    await expect(alert).toHaveTextContent('The server had a problem. Please try again.')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await findRow(canvas, 'jane@work.example')).toBeVisible()
  },
}

/** FAPI is down (503 maintenance on every request): the error state, still with a retry. */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    faults: serverDown,
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/could not be loaded/)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

/** The connection drops (no answer at all): the client's own `network_error`. */
export const Offline: Story = {
  parameters: emulatorParameters({
    faults: [{ path: '/v1/*', drop: true, times: 10_000 }],
    inbox: false,
  }),
  play: async ({ canvas }) => {
    // GETs are retried on network failure (about 2 s in all) before the error shows.
    await expect(
      await canvas.findByText(/Could not reach the server/, undefined, { timeout: 5000 }),
    ).toBeVisible()
  },
}

/** FAPI throttles the list (429). */
export const RateLimited: Story = {
  parameters: emulatorParameters({
    faults: [{ method: 'GET', path: '/v1/me', status: 429, times: 10_000 }],
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Too many requests/)).toBeVisible()
  },
}

/** The only address: primary, and "Remove" disabled with the reason shown (not a server error). */
export const OnlyAddress: Story = {
  parameters: emulatorParameters({ seed: seeds.default, inbox: false }),
  play: async ({ canvas }) => {
    const row = within(await findRow(canvas, 'jane@example.com'))
    const remove = row.getByRole('button', { name: 'Remove' })
    await expect(remove).toBeDisabled()
    await expect(remove).toHaveAccessibleDescription(
      'You need at least one email address, so this one cannot be removed.',
    )
  },
}

/** An unverified address offers "Verify" (which calls `onVerify`), never "Make primary". */
export const Unverified: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const row = within(await findRow(canvas, 'new@example.com'))
    await expect(row.queryByRole('button', { name: 'Make primary' })).toBeNull()
    await userEvent.click(row.getByRole('button', { name: 'Verify' }))
    await expect(args.onVerify).toHaveBeenCalledWith(
      expect.objectContaining({ emailAddress: 'new@example.com' }),
    )
  },
}

/** Addresses linked to OAuth and SAML accounts (`linked_to`) carry a badge per account. */
export const Linked: Story = {
  parameters: emulatorParameters({
    seed: linkedAddresses,
    inbox: false,
  }),
  play: async ({ canvas }) => {
    const primary = within(await findRow(canvas, 'jane@example.com'))
    await expect(primary.getByText('Linked to Google')).toBeVisible()
    const work = within(await findRow(canvas, 'jane@work.example'))
    await expect(work.getByText('Linked to SAML')).toBeVisible()
    await expect(work.getByText('Linked to Github')).toBeVisible()
  },
}

/** "Make primary" moves the badge at once and announces it; the server agrees. */
export const MakePrimary: Story = {
  play: async ({ canvas, userEvent, storyEmulator }) => {
    const work = within(await findRow(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Make primary' }))
    await expect(await work.findByText('Primary')).toBeVisible()
    await expect(
      await canvas.findByText('jane@work.example is now your primary email address.'),
    ).toBeVisible()
    const me = await (await storyEmulator.request('GET', '/v1/me')).json()
    await expect(me.response.primary_email_address_id).toBe(SECONDARY_ID)
  },
}

/** "Remove" asks first; confirming removes the row and announces it. */
export const RemoveWithConfirmation: Story = {
  play: async ({ canvas, userEvent }) => {
    const work = within(await findRow(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Remove' }))
    const confirm = work.getByRole('group', { name: 'Remove' })
    await expect(confirm).toHaveTextContent('Remove jane@work.example?')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(canvas.queryByText('jane@work.example')).toBeNull())
    await expect(canvas.getByRole('status')).toHaveTextContent('jane@work.example was removed.')
  },
}

/** Cancelling the confirmation keeps the address. */
export const RemoveCancelled: Story = {
  play: async ({ canvas, userEvent }) => {
    const work = within(await findRow(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Remove' }))
    await userEvent.click(work.getByRole('button', { name: 'Cancel' }))
    await expect(work.getByRole('button', { name: 'Remove' })).toBeEnabled()
  },
}

/** The server refuses the removal (500): the row comes back and the failure is announced. */
export const RemoveFails: Story = {
  parameters: emulatorParameters({
    seed: threeAddresses,
    faults: [{ method: 'DELETE', path: '/v1/me/email_addresses/*', status: 500 }],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    const work = within(await findRow(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Remove' }))
    await userEvent.click(
      within(work.getByRole('group', { name: 'Remove' })).getByRole('button', { name: 'Remove' }),
    )
    // The list's alert region is always there (so it is announced); wait for its message.
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'jane@work.example: The server had a problem. Please try again.',
      ),
    )
    await expect(await findRow(canvas, 'jane@work.example')).toBeVisible()
  },
}

/**
 * The instance wants a fresh sign-in before a removal (403 `session_reverification_required`): the
 * app's step-up dialog opens; after "Confirm" the removal goes through.
 */
export const ReverificationRequired: Story = {
  parameters: emulatorParameters({
    seed: withSettings(threeAddresses, { reverificationRequired: ['delete_email_address'] }),
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    const work = within(await findRow(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Remove' }))
    await userEvent.click(
      within(work.getByRole('group', { name: 'Remove' })).getByRole('button', { name: 'Remove' }),
    )
    const dialog = await within(document.body).findByRole('dialog', { name: "Confirm it's you" })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(canvas.queryByText('jane@work.example')).toBeNull())
  },
}

/** The same, when the app offers no step-up: the removal is undone and the reason announced. */
export const ReverificationRequiredWithoutStepUp: Story = {
  parameters: emulatorParameters({
    seed: withSettings(threeAddresses, { reverificationRequired: ['delete_email_address'] }),
    reverificationDialog: false,
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    const work = within(await findRow(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Remove' }))
    await userEvent.click(
      within(work.getByRole('group', { name: 'Remove' })).getByRole('button', { name: 'Remove' }),
    )
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'jane@work.example: Please confirm it is you, then try again.',
      ),
    )
    await expect(await findRow(canvas, 'jane@work.example')).toBeVisible()
  },
}

/** Every state side by side, each on its own emulator, for visual review. */
export const AllStates: Story = {
  // Each cell's list is named after the cell ("Email addresses: Empty"): no two landmarks share a name.
  parameters: emulatorParameters({
    matrix: {
      Loading: {
        faults: neverLoads,
      },
      Empty: { seed: noAddresses },
      'Server down': { faults: serverDown },
      'Only address': { seed: seeds.default },
      'Primary, verified, unverified': { seed: threeAddresses },
      Linked: { seed: linkedAddresses },
    },
  }),
  play: async ({ canvas }) => {
    const cell = (name: string) => within(canvas.getByRole('region', { name }))
    await expect(await cell('Empty').findByText('No email addresses yet.')).toBeVisible()
    await expect(await cell('Server down').findByText(/could not be loaded/)).toBeVisible()
    await expect(await cell('Linked').findByText('Linked to SAML')).toBeVisible()
    await expect(cell('Loading').getByText('Loading email addresses…')).toBeVisible()
  },
}
