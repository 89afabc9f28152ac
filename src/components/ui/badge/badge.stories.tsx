import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { emulatorParameters } from '../../../../.storybook/emulator'
import { Badge } from './badge'

const meta = {
  title: 'UI/Badge',
  component: Badge,
  tags: ['autodocs'],
  args: { children: 'Verified', tone: 'success' },
  parameters: emulatorParameters({ provider: false, inbox: false }),
} satisfies Meta<typeof Badge>

export default meta
type Story = StoryObj<typeof meta>

/** A short status label; the tone is a styling hook (`data-tone`). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Verified')).toHaveAttribute('data-tone', 'success')
  },
}

export const Neutral: Story = { args: { tone: 'neutral', children: 'Linked to Google' } }
export const Warning: Story = { args: { tone: 'warning', children: 'Unverified' } }
export const Info: Story = { args: { tone: 'info', children: 'Primary' } }

/** Every tone, for visual review. */
export const AllStates: Story = {
  render: () => (
    <p style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      <Badge tone="info">Primary</Badge>
      <Badge tone="success">Verified</Badge>
      <Badge tone="warning">Unverified</Badge>
      <Badge>Linked to Google</Badge>
    </p>
  ),
}
