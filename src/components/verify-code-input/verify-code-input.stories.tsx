import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import { FOREVER_MS, NEW_ID, withSettings, withUnverified } from '../../../.storybook/fixtures'
import { waitForCode, wrongCode } from '../../../.storybook/play'
import { TEST_CODE } from '../../testing/index'
import { VerifyCodeInput } from './verify-code-input'

const TEST_ID = 'idn_2storyTest0000000000000000'

/** Jane, an unverified new@example.com that was just sent a code (see the inbox). */
const codeSent = emulatorParameters({
  seed: withUnverified,
  setup: (story) => story.prepare(NEW_ID),
})

const meta = {
  title: 'Email addresses/VerifyCodeInput',
  component: VerifyCodeInput,
  tags: ['autodocs'],
  args: { emailAddressId: NEW_ID, onVerified: fn() },
  // No `setup` here: Storybook deep-merges parameters, so every story would inherit it.
  parameters: emulatorParameters({ seed: withUnverified }),
} satisfies Meta<typeof VerifyCodeInput>

export default meta
type Story = StoryObj<typeof meta>

const field = (canvas: { getByLabelText(text: string): HTMLElement }) =>
  canvas.getByLabelText('Verification code')

/** A code was sent: type it (it is in the inbox below) and it is checked on the last digit. */
export const Default: Story = { parameters: codeSent }

/** The code from the inbox, typed: checked on the last digit, no button press needed. */
export const CorrectCode: Story = {
  parameters: codeSent,
  play: async ({ canvas, userEvent, emulator, args }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.type(field(canvas), code)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
    await expect(args.onVerified).toHaveBeenCalledWith(
      expect.objectContaining({ emailAddress: 'new@example.com' }),
    )
  },
}

/** "123 456" or "123-456" pasted fills the six digits. */
export const PastedWithSpace: Story = {
  parameters: codeSent,
  play: async ({ canvas, userEvent, emulator }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.click(field(canvas))
    await userEvent.paste(`${code.slice(0, 3)} ${code.slice(3)}`)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}

/**
 * A wrong code: the error is tied to the input (`aria-invalid`, `aria-describedby`) and what was typed
 * stays, selected, so typing again replaces it.
 */
export const WrongCode: Story = {
  parameters: codeSent,
  play: async ({ canvas, userEvent, emulator }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    const wrong = wrongCode(code)
    await userEvent.type(field(canvas), wrong)
    await waitFor(() =>
      expect(field(canvas)).toHaveAccessibleDescription(
        expect.stringContaining('That code is not right. Check it and try again.'),
      ),
    )
    await expect(field(canvas)).toHaveAttribute('aria-invalid', 'true')
    await expect(field(canvas)).toHaveValue(wrong)
    await userEvent.clear(field(canvas))
    await userEvent.type(field(canvas), code)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}

/**
 * After a wrong code, focus stays in the input with the code selected, so a keyboard user just types
 * the right one.
 */
export const WrongCodeKeepsFocus: Story = {
  parameters: codeSent,
  play: async ({ canvas, userEvent, emulator }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.type(field(canvas), wrongCode(code))
    await waitFor(() => expect(field(canvas)).toHaveAttribute('aria-invalid', 'true'))
    await waitFor(() => expect(field(canvas)).toHaveFocus())
    await userEvent.keyboard(code)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}

/** Fewer digits than needed, submitted with the button: asks for all of them. */
export const Incomplete: Story = {
  parameters: codeSent,
  args: { autoSubmit: false },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(field(canvas), '123')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(field(canvas)).toHaveAccessibleDescription(
      expect.stringContaining('Enter all 6 digits of the code.'),
    )
  },
}

/** The code expired (the emulator's clock moved 11 minutes on): a resend is offered. */
export const Expired: Story = {
  parameters: emulatorParameters({
    seed: withSettings(withUnverified, { resendThrottleMs: 0 }),
    setup: async (story) => {
      await story.prepare(NEW_ID)
      story.emulator.clock.advance(11 * 60_000)
    },
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.type(field(canvas), code)
    await waitFor(() =>
      expect(field(canvas)).toHaveAccessibleDescription(
        expect.stringContaining('The code has expired. Send a new one.'),
      ),
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Resend code' }))
    const fresh = await waitForCode(emulator, 'new@example.com', 1)
    await waitFor(() => expect(field(canvas)).toHaveFocus())
    await userEvent.type(field(canvas), fresh)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}

/** Three wrong codes used up the verification: only a new code helps. */
export const TooManyAttempts: Story = {
  parameters: emulatorParameters({
    seed: withSettings(withUnverified, { resendThrottleMs: 0 }),
    setup: async (story) => {
      await story.prepare(NEW_ID)
      for (let i = 0; i < 3; i += 1) {
        await story.request('POST', `/v1/me/email_addresses/${NEW_ID}/attempt_verification`, {
          code: '000000',
        })
      }
    },
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(field(canvas), '123456')
    await waitFor(() =>
      expect(field(canvas)).toHaveAccessibleDescription(
        expect.stringContaining('Too many wrong codes. Send a new code to try again.'),
      ),
    )
    await expect(canvas.getByRole('button', { name: 'Resend code' })).toBeEnabled()
  },
}

/** No code was ever sent to this address: says so, and offers to send one. */
export const NotSent: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(field(canvas), '123456')
    await waitFor(() =>
      expect(field(canvas)).toHaveAccessibleDescription(
        expect.stringContaining('Send a code first.'),
      ),
    )
    await expect(canvas.getByRole('button', { name: /Send code|Resend code/ })).toBeEnabled()
  },
}

/** While the code is checked (the server never answers here) the input and button are disabled. */
export const Checking: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID),
    faults: [
      { path: '/v1/me/email_addresses/*', method: 'POST', delayMs: FOREVER_MS, times: 10_000 },
    ],
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(field(canvas), '123456')
    await expect(await canvas.findByRole('button', { name: 'Checking the code…' })).toBeDisabled()
    // The input stays enabled and focused while checking, so the keyboard never loses its place.
    await expect(field(canvas)).toBeEnabled()
    await expect(field(canvas)).toHaveFocus()
  },
}

/**
 * The connection drops while the code is checked: the account is checked afresh, the code was not
 * used, and the error says so; the code stays for a retry.
 */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID),
    faults: [{ path: '/v1/me/email_addresses/*', method: 'POST', drop: true }],
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.type(field(canvas), code)
    await waitFor(() =>
      expect(field(canvas)).toHaveAccessibleDescription(
        expect.stringContaining('the change was not made'),
      ),
    )
    await expect(field(canvas)).toHaveValue(code)
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}

/** A `+clerk_test` address gets no email; its code is always 424242 (development instances). */
export const TestAddress: Story = {
  args: { emailAddressId: TEST_ID },
  parameters: emulatorParameters({
    seed: {
      users: [
        {
          email_addresses: [
            'jane@example.com',
            { email_address: 'jane+clerk_test@example.com', id: TEST_ID, verified: false },
          ],
        },
      ],
    },
    setup: (story) => story.prepare(TEST_ID),
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    await expect(emulator.outbox).toHaveLength(0)
    await userEvent.type(field(canvas), TEST_CODE)
    await expect(await canvas.findByText('jane+clerk_test@example.com is verified.')).toBeVisible()
  },
}

/** A four-digit code (`length`), for instances configured that way. */
export const FourDigits: Story = {
  args: { length: 4 },
  parameters: emulatorParameters({
    seed: withSettings(withUnverified, { codeLength: 4 }),
    setup: (story) => story.prepare(NEW_ID),
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    const code = await waitForCode(emulator, 'new@example.com')
    await expect(code).toHaveLength(4)
    await userEvent.type(field(canvas), code)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}
