import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import {
  FOREVER_MS,
  NEW_ID,
  PRIMARY_ID,
  withSettings,
  withUnverified,
} from '../../../.storybook/fixtures'
import { PrepareVerificationButton } from './prepare-verification-button'

const meta = {
  title: 'Email addresses/PrepareVerificationButton',
  component: PrepareVerificationButton,
  tags: ['autodocs'],
  args: { emailAddressId: NEW_ID, onPrepared: fn() },
  parameters: emulatorParameters({ seed: withUnverified }),
} satisfies Meta<typeof PrepareVerificationButton>

export default meta
type Story = StoryObj<typeof meta>

/** Nothing sent yet: "Send code". Nothing is sent on mount. */
export const Default: Story = {
  play: async ({ canvas, emulator }) => {
    await expect(await canvas.findByRole('button', { name: 'Send code' })).toBeEnabled()
    await expect(emulator.outbox).toHaveLength(0)
  },
}

/** Sends on press: a live resend countdown, when the code expires, and the code in the inbox. */
export const SendCode: Story = {
  play: async ({ canvas, userEvent, emulator, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    await expect(
      await canvas.findByRole('button', { name: /^Resend in (30|29)s$/ }),
    ).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByText(/^The code expires in (10:00|9:5\d)\.$/)).toBeVisible()
    await expect(canvas.getByText('We sent a message to new@example.com.')).toBeVisible()
    await expect(emulator.outbox).toHaveLength(1)
    await expect(args.onPrepared).toHaveBeenCalledWith(
      expect.objectContaining({ emailAddress: 'new@example.com' }),
    )
  },
}

/** The email-link strategy: "Send link"; the inbox gets a working link instead of a code. */
export const SendLink: Story = {
  args: { strategy: 'email_link', redirectUrl: 'https://app.example/verified' },
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send link' }))
    await expect(
      await canvas.findByRole('button', { name: 'Open the verification link for new@example.com' }),
    ).toBeVisible()
    await expect(emulator.latestMessage()?.strategy).toBe('email_link')
  },
}

/** A code was sent before (another tab): "Resend code", with its expiry. */
export const AlreadySent: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID),
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Resend code' })).toBeEnabled()
    await expect(canvas.getByText(/^The code expires in/)).toBeVisible()
  },
}

/**
 * The server still throttles (a code went out a moment ago from another tab): 429 with `Retry-After`,
 * and the countdown follows the server.
 */
export const RateLimited: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID),
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Resend code' }))
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'Please wait a moment before asking for another code.',
      ),
    )
    await expect(canvas.getByRole('button', { name: /^Resend in \d+s$/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** The current code has expired: says so, and resending works. */
export const Expired: Story = {
  parameters: emulatorParameters({
    seed: withSettings(withUnverified, { codeLifetimeMs: 1, resendThrottleMs: 0 }),
    setup: (story) => story.prepare(NEW_ID),
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    await expect(await canvas.findByText('The code has expired. Send a new one.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Resend code' }))
    await waitFor(() => expect(emulator.outbox).toHaveLength(2))
  },
}

/** While sending (the server never answers here): "Sending…", disabled. */
export const Sending: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    faults: [
      { path: '/v1/me/email_addresses/*', method: 'POST', delayMs: FOREVER_MS, times: 10_000 },
    ],
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    await expect(await canvas.findByRole('button', { name: 'Sending…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** The server fails (500): the error is announced and the button stays usable. */
export const ServerError: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    faults: [{ path: '/v1/me/email_addresses/*', method: 'POST', status: 500 }],
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'The server had a problem. Please try again.',
      ),
    )
    await expect(canvas.getByRole('button', { name: 'Send code' })).toBeEnabled()
  },
}

/** FAPI unreachable (the connection drops). */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    faults: [{ path: '/v1/me/email_addresses/*', method: 'POST', drop: true }],
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'Could not reach the server. Check your connection and try again.',
      ),
    )
  },
}

/** An address that is verified already: the server refuses and the reason is shown. */
export const AlreadyVerified: Story = {
  args: { emailAddressId: PRIMARY_ID },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'This email address is already verified.',
      ),
    )
  },
}

/** A custom label (`children`); the countdown still disables it. */
export const CustomLabel: Story = {
  args: { children: 'Email me a code', variant: 'primary' },
  play: async ({ canvas, userEvent }) => {
    const button = await canvas.findByRole('button', { name: 'Email me a code' })
    await userEvent.click(button)
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'))
  },
}
