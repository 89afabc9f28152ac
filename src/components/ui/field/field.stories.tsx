import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { emulatorParameters } from '../../../../.storybook/emulator'
import { Field, FieldControl, FieldDescription, FieldError, FieldLabel } from './field'

interface FieldStoryArgs {
  description?: string
  error?: string
}

/** The parts in their usual order; stories change the description and the error. */
function EmailField({ description, error }: FieldStoryArgs) {
  return (
    <Field invalid={Boolean(error)}>
      <FieldLabel>Email address</FieldLabel>
      <FieldControl>
        <input type="email" defaultValue="jane@example.com" />
      </FieldControl>
      {description && <FieldDescription>{description}</FieldDescription>}
      <FieldError>{error}</FieldError>
    </Field>
  )
}

const meta = {
  title: 'UI/Field',
  component: EmailField,
  tags: ['autodocs'],
  parameters: emulatorParameters({ provider: false, inbox: false }),
} satisfies Meta<typeof EmailField>

export default meta
type Story = StoryObj<typeof meta>

/** A label wired to its control (`htmlFor`). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email address')).toHaveValue('jane@example.com')
    await expect(canvas.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid')
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

/** The parts in another order (error above the control), still wired by the root. */
export const Rearranged: Story = {
  render: () => (
    <Field invalid>
      <FieldError>That address is taken.</FieldError>
      <FieldLabel>Work email</FieldLabel>
      <FieldDescription>Your company address.</FieldDescription>
      <FieldControl>
        <input type="email" aria-describedby="story-extra" />
      </FieldControl>
      <p id="story-extra">We never share it.</p>
    </Field>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Work email')).toHaveAccessibleDescription(
      'We never share it. That address is taken. Your company address.',
    )
  },
}
