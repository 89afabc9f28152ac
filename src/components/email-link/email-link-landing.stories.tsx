import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import { EmailLinkLanding } from './email-link-landing'

const meta = {
  title: 'Email addresses/EmailLinkLanding',
  component: EmailLinkLanding,
  tags: ['autodocs'],
  args: { search: '?__clerk_status=verified' },
  // The landing page reads only its URL: no provider, no inbox.
  parameters: emulatorParameters({ provider: false, inbox: false }),
} satisfies Meta<typeof EmailLinkLanding>

export default meta
type Story = StoryObj<typeof meta>

/** The link worked (`__clerk_status=verified`). */
export const Verified: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Your email address is verified. You can close this tab and go back.',
    )
    await expect(canvas.queryByRole('link', { name: 'Go back' })).not.toBeInTheDocument()
  },
}

/** The link had expired. */
export const Expired: Story = {
  args: { search: '?__clerk_status=expired' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'This link has expired. Go back and send a new one.',
    )
    await expect(canvas.getByRole('link', { name: 'Go back' })).toBeVisible()
  },
}

/** The link could not be used. */
export const Failed: Story = {
  args: { search: 'https://app.example/verified?__clerk_status=failed' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'This link could not be used. Go back and try again.',
    )
    await expect(canvas.getByRole('link', { name: 'Go back' })).toBeVisible()
  },
}

/** Opened in another browser than the one that asked (`client_mismatch`): say so, and offer a way back. */
export const ClientMismatch: Story = {
  args: { search: '?__clerk_status=client_mismatch', backHref: '/settings' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/opened in another browser/)
    await expect(canvas.getByRole('link', { name: 'Go back' })).toHaveAttribute('href', '/settings')
  },
}

/** No status, or one this version does not know: never claim "verified". */
export const UnknownStatus: Story = {
  args: { search: '?__clerk_status=transferable' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'We could not tell whether your email address is verified.',
      { normalizeWhitespace: true },
    )
    await expect(canvas.getByRole('status')).not.toHaveTextContent('Your email address is verified')
    await expect(canvas.getByRole('link', { name: 'Go back' })).toBeVisible()
  },
}

/** No `__clerk_status` at all. */
export const MissingStatus: Story = {
  args: { search: '' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/could not tell/)
  },
}
