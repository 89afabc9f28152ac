import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import { NEW_ID, withUnverified } from '../../../.storybook/fixtures'
import type { EmailAddress } from '../../api/types'
import { useEmailAddress } from '../../hooks/use-email-address'
import { seeds } from '../../testing/index'
import { EmailLinkPending, type EmailLinkPendingProps } from './email-link-pending'

const SSO_ID = 'idn_2storySso00000000000000000'
const REDIRECT_URL = 'https://app.example/verified'

/** Shown in the docs' controls only: the stories render the live address from the emulator. */
const placeholder: EmailAddress = {
  id: NEW_ID,
  emailAddress: 'new@example.com',
  reserved: false,
  verification: null,
  linkedTo: [],
  matchesSsoConnection: false,
  createdAt: 0,
  updatedAt: 0,
}

/** The pending view for the live address `args.emailAddress.id`, polled as a flow would. */
function LivePending(props: EmailLinkPendingProps) {
  const { data } = useEmailAddress(props.emailAddress.id, { refetchInterval: 1000 })
  if (!data) {
    return <p aria-busy="true">Loading…</p>
  }
  if (data.verification?.status === 'verified') {
    return <p role="status">{data.emailAddress} is verified.</p>
  }
  return <EmailLinkPending {...props} emailAddress={data} />
}

const meta = {
  title: 'Email addresses/EmailLinkPending',
  component: EmailLinkPending,
  tags: ['autodocs'],
  args: {
    emailAddress: placeholder,
    strategy: 'email_link',
    redirectUrl: REDIRECT_URL,
    onCancel: fn(),
  },
  render: (args) => <LivePending {...args} />,
  parameters: emulatorParameters({ seed: withUnverified }),
} satisfies Meta<typeof EmailLinkPending>

export default meta
type Story = StoryObj<typeof meta>

/**
 * A link was sent: "check your inbox", with resend and cancel. Open the link from the inbox below and
 * the view turns verified by itself (the story polls the address, as the manager's flow does).
 */
export const LinkPending: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID, { strategy: 'email_link', redirect_url: REDIRECT_URL }),
  }),
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByText('Check your inbox')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Resend link' })).toBeEnabled()
    await userEvent.click(
      canvas.getByRole('button', { name: 'Open the verification link for new@example.com' }),
    )
    await expect(
      await canvas.findByText('new@example.com is verified.', undefined, { timeout: 4000 }),
    ).toBeVisible()
  },
}

/** "Cancel" hands control back (`onCancel`). */
export const Cancel: Story = {
  parameters: LinkPending.parameters,
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }))
    await expect(args.onCancel).toHaveBeenCalled()
  },
}

/** "Resend link" sends a second link (after the server's throttle, which is off here). */
export const Resend: Story = {
  parameters: emulatorParameters({
    seed: { ...withUnverified, settings: { resendThrottleMs: 0 } },
    setup: (story) => story.prepare(NEW_ID, { strategy: 'email_link', redirect_url: REDIRECT_URL }),
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Resend link' }))
    await waitFor(() => expect(emulator.outbox).toHaveLength(2))
    await expect(await canvas.findByRole('button', { name: /^Resend in \d+s$/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/**
 * An address on an enterprise SSO domain: a link to the identity provider instead of "check your
 * inbox". (The emulated IdP lives on the story's fake origin, so following it leaves Storybook.)
 */
export const EnterpriseSso: Story = {
  args: { emailAddress: { ...placeholder, id: SSO_ID }, strategy: 'enterprise_sso' },
  parameters: emulatorParameters({
    seed: {
      ...seeds.enterpriseSso,
      users: [
        {
          email_addresses: [
            'jane@example.com',
            { email_address: 'jane@sso.example', id: SSO_ID, verified: false },
          ],
        },
      ],
    },
    setup: (story) =>
      story.prepare(SSO_ID, { strategy: 'enterprise_sso', redirect_url: REDIRECT_URL }),
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Verify with your organization')).toBeVisible()
    const link = canvas.getByRole('link', { name: 'Continue to sign-on' })
    await expect(link.getAttribute('href')).toMatch(/\/__emulator\/sso\?token=/)
  },
}
