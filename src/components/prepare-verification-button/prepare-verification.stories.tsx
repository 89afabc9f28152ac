import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ButtonHTMLAttributes, forwardRef } from 'react'
import { expect, fn, waitFor } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import {
  FOREVER_MS,
  NEW_ID,
  PRIMARY_ID,
  withSettings,
  withUnverified,
} from '../../../.storybook/fixtures'
import { PrepareVerification, PrepareVerificationButton } from './prepare-verification'

const meta = {
  title: 'Email addresses/PrepareVerification',
  component: PrepareVerification,
  tags: ['autodocs'],
  args: { emailAddressId: NEW_ID, onPrepared: fn() },
  parameters: emulatorParameters({ seed: withUnverified }),
} satisfies Meta<typeof PrepareVerification>

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
    seed: withSettings(withUnverified, { resendThrottleMs: 0 }),
    // Sent eleven minutes ago (the emulator's clock set back, then forward again): expired by the
    // page's clock and the emulator's alike, even when the page's clock stands still.
    setup: async ({ emulator, prepare }) => {
      const now = emulator.clock.now()
      emulator.clock.set(now - 11 * 60_000)
      await prepare(NEW_ID)
      emulator.clock.set(now)
    },
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

/** FAPI unreachable (the connection drops, the check that follows too): the send is unconfirmed. */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    faults: [
      { path: '/v1/me/email_addresses/*', method: 'POST', drop: true },
      { path: '/v1/me', method: 'GET', drop: true, times: 10_000 },
    ],
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    // The check that follows retries its GET as clerk-js does (up to four tries, a few seconds).
    await waitFor(
      () =>
        expect(canvas.getByRole('alert')).toHaveTextContent(
          'We could not confirm that the message was sent.',
        ),
      { timeout: 10_000 },
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

/** The parts laid out by the app: a custom label on the button; the countdown still disables it. */
export const CustomLabel: Story = {
  render: (args) => (
    <PrepareVerification {...args}>
      <PrepareVerificationButton variant="primary">Email me a code</PrepareVerificationButton>
    </PrepareVerification>
  ),
  play: async ({ canvas, userEvent }) => {
    const button = await canvas.findByRole('button', { name: 'Email me a code' })
    await userEvent.click(button)
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('We sent a message'))
  },
}

/** The button alone, outside `PrepareVerification`: it sends by itself and reports through `onError`. */
export const ButtonAlone: Story = {
  render: (args) => <PrepareVerificationButton emailAddressId={args.emailAddressId} />,
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }))
    await expect(
      await canvas.findByRole('button', { name: /^Resend in (30|29)s$/ }),
    ).toHaveAttribute('aria-disabled', 'true')
    await expect(emulator.outbox).toHaveLength(1)
  },
}

/** An app's own button component, as shadcn/ui apps have one. */
const AppButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
  function AppButton(props, ref) {
    return <button ref={ref} type="button" data-app-button="" {...props} />
  },
)

/** `asChild`: the app's button component stands in for ours and gets the live label. */
export const AsChild: Story = {
  render: (args) => (
    <PrepareVerificationButton emailAddressId={args.emailAddressId} asChild>
      <AppButton />
    </PrepareVerificationButton>
  ),
  play: async ({ canvas, userEvent, emulator }) => {
    const button = await canvas.findByRole('button', { name: 'Send code' })
    await expect(button).toHaveAttribute('data-app-button')
    await userEvent.click(button)
    await expect(await canvas.findByRole('button', { name: /^Resend in/ })).toBe(button)
    await expect(emulator.outbox).toHaveLength(1)
  },
}
