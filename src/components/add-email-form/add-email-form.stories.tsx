import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import { FOREVER_MS, withSettings } from '../../../.storybook/fixtures'
import { seeds } from '../../testing/index'
import { AddEmailForm } from './add-email-form'

const meta = {
  title: 'Email addresses/AddEmailForm',
  component: AddEmailForm,
  tags: ['autodocs'],
  args: { onSuccess: fn() },
  parameters: emulatorParameters({ seed: seeds.twoUsers, inbox: false }),
} satisfies Meta<typeof AddEmailForm>

export default meta
type Story = StoryObj<typeof meta>

const input = (canvas: { getByLabelText(text: string): HTMLElement }) =>
  canvas.getByLabelText('Email address')

/** Empty, ready to type. */
export const Default: Story = {}

/** With a cancel button (`onCancel`) and the input focused on mount (`autoFocus`). */
export const WithCancel: Story = {
  args: { onCancel: fn(), autoFocus: true },
  play: async ({ canvas, userEvent, args }) => {
    await expect(input(canvas)).toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(args.onCancel).toHaveBeenCalled()
  },
}

/** The address is trimmed and added; `onSuccess` gets the new, unverified address. */
export const Success: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(input(canvas), '  new@example.com  ')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await waitFor(() =>
      expect(args.onSuccess).toHaveBeenCalledWith(
        expect.objectContaining({ emailAddress: 'new@example.com' }),
      ),
    )
    await expect(input(canvas)).toHaveValue('')
  },
}

/** A malformed address is caught before any request; what was typed stays. */
export const InvalidFormat: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(input(canvas), 'jane@')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await expect(input(canvas)).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com.',
    )
    await expect(input(canvas)).toHaveAttribute('aria-invalid', 'true')
    await expect(input(canvas)).toHaveValue('jane@')
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** Submitting nothing asks for an address. */
export const Required: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await expect(input(canvas)).toHaveAccessibleDescription('Enter an email address.')
  },
}

/** "gmail.con" → a suggestion to use "gmail.com", never an automatic change. */
export const DomainSuggestion: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'jane@gmail.con')
    await expect(canvas.getByText(/Did you mean jane@gmail\.com\?/)).toBeVisible()
    await expect(input(canvas)).toHaveValue('jane@gmail.con')
    await userEvent.click(canvas.getByRole('button', { name: 'Use jane@gmail.com' }))
    await expect(input(canvas)).toHaveValue('jane@gmail.com')
    await expect(canvas.queryByText(/Did you mean/)).toBeNull()
  },
}

/** Another user's verified address: the server's error lands on the field (`meta.param_name`). */
export const Taken: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(input(canvas), 'bob@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await waitFor(() =>
      expect(input(canvas)).toHaveAccessibleDescription(
        'This email address is taken. Please try another.',
      ),
    )
    await expect(input(canvas)).toHaveValue('bob@example.com')
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** A domain the instance blocks (`form_email_address_blocked`). */
export const Blocked: Story = {
  parameters: emulatorParameters({
    seed: withSettings(seeds.default, { blockedDomains: ['spam.example'] }),
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'jane@spam.example')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await waitFor(() =>
      expect(input(canvas)).toHaveAccessibleDescription(
        'This email address cannot be used. Please try another.',
      ),
    )
  },
}

/** Too many unverified addresses: an error with no field goes on the form. */
export const TooManyUnverified: Story = {
  parameters: emulatorParameters({
    seed: withSettings(seeds.default, { maxUnverified: 0 }),
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'You have too many unverified email addresses. Verify or remove one first.',
    )
    await expect(input(canvas)).toHaveValue('new@example.com')
  },
}

/** While the request is in flight (here it never answers) the submit button is disabled. */
export const Pending: Story = {
  parameters: emulatorParameters({
    seed: seeds.default,
    faults: [
      { method: 'POST', path: '/v1/me/email_addresses', delayMs: FOREVER_MS, times: 10_000 },
    ],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await expect(await canvas.findByRole('button', { name: 'Adding…' })).toBeDisabled()
  },
}

/** The server fails (500): a form-level error; the typed value survives. */
export const ServerError: Story = {
  parameters: emulatorParameters({
    seed: seeds.default,
    faults: [{ method: 'POST', path: '/v1/me/email_addresses', status: 500 }],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'The server had a problem. Please try again.',
    )
    await expect(input(canvas)).toHaveValue('new@example.com')
    // The same submit works once the server is back.
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await waitFor(() => expect(input(canvas)).toHaveValue(''))
  },
}

/**
 * FAPI is unreachable (every connection drops): the answer to the add is lost, and so is the check of
 * the account that follows, so the form says it cannot tell and keeps the address typed.
 */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    seed: seeds.default,
    faults: [
      { method: 'POST', path: '/v1/me/email_addresses', drop: true, times: 10_000 },
      { method: 'GET', path: '/v1/me', drop: true, times: 10_000 },
    ],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    // The check of the account retries its GET as clerk-js does (up to four tries, a few seconds).
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 })
    await expect(alert).toHaveTextContent(
      'The server’s answer did not come through, and we could not check your account either.',
    )
    await expect(input(canvas)).toHaveValue('new@example.com')
  },
}

/** FAPI throttles (429). */
export const RateLimited: Story = {
  parameters: emulatorParameters({
    seed: seeds.default,
    faults: [{ method: 'POST', path: '/v1/me/email_addresses', status: 429 }],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(input(canvas), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Too many requests. Please wait a moment and try again.',
    )
  },
}

/** Adding needs a fresh sign-in: the step-up dialog opens, and after it the address is added. */
export const ReverificationRequired: Story = {
  parameters: emulatorParameters({
    seed: withSettings(seeds.default, { reverificationRequired: ['create_email_address'] }),
    inbox: false,
  }),
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(input(canvas), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))
    const dialog = await within(document.body).findByRole('dialog', { name: "Confirm it's you" })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalled())
  },
}
