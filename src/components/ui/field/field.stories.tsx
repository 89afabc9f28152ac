import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { emulatorParameters } from '../../../../.storybook/emulator'
import { Field } from './field'

const meta = {
  title: 'UI/Field',
  component: Field,
  tags: ['autodocs'],
  args: {
    label: 'Email address',
    children: (control) => <input {...control} type="email" defaultValue="jane@example.com" />,
  },
  parameters: emulatorParameters({ provider: false, inbox: false }),
} satisfies Meta<typeof Field>

export default meta
type Story = StoryObj<typeof meta>

/** A label wired to its control (`htmlFor`). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email address')).toHaveValue('jane@example.com')
  },
}

/** Help text, announced with the control (`aria-describedby`). */
export const WithDescription: Story = {
  args: { description: 'We send a code to this address.' },
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email address')).toHaveAccessibleDescription(
      'We send a code to this address.',
    )
  },
}

/** An error: `aria-invalid`, described by the error first, then the help text; a live region. */
export const WithError: Story = {
  args: {
    description: 'We send a code to this address.',
    error: 'Enter a valid email address, like name@example.com.',
  },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText('Email address')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com. We send a code to this address.',
    )
    await expect(canvas.getByRole('alert')).toHaveTextContent('Enter a valid email address')
  },
}
