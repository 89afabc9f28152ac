import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn } from 'storybook/test'
import { emulatorParameters } from '../../../../.storybook/emulator'
import { CodeField, type CodeFieldProps } from './code-field'

/** `CodeField` is controlled; this keeps its value in state and labels it. */
function Controlled(props: CodeFieldProps) {
  const [value, setValue] = useState(props.value)
  return (
    <>
      <label htmlFor="story-code">Verification code</label>
      <CodeField
        {...props}
        id="story-code"
        value={value}
        onChange={(next) => {
          setValue(next)
          props.onChange(next)
        }}
      />
    </>
  )
}

const meta = {
  title: 'UI/CodeField',
  component: CodeField,
  tags: ['autodocs'],
  args: { length: 6, value: '', onChange: fn(), onComplete: fn() },
  render: (args) => <Controlled {...args} />,
  parameters: emulatorParameters({ provider: false, inbox: false }),
} satisfies Meta<typeof CodeField>

export default meta
type Story = StoryObj<typeof meta>

/** One real input (`autocomplete="one-time-code"`, numeric keyboard), drawn as one box per digit. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText('Verification code')
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code')
    await expect(input).toHaveAttribute('inputmode', 'numeric')
  },
}

/** Typing digits fills it; the last one calls `onComplete` with the code. */
export const Typed: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(canvas.getByLabelText('Verification code'), '123456')
    await expect(args.onComplete).toHaveBeenCalledWith('123456')
  },
}

/** Pasting "123-456" (or "123 456") keeps the digits. */
export const PastedWithDash: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByLabelText('Verification code'))
    await userEvent.paste('123-456')
    await expect(canvas.getByLabelText('Verification code')).toHaveValue('123456')
    await expect(args.onComplete).toHaveBeenCalledWith('123456')
  },
}

/** Letters are ignored. */
export const IgnoresLetters: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Verification code'), '1a2b3')
    await expect(canvas.getByLabelText('Verification code')).toHaveValue('123')
  },
}

/** Invalid (`aria-invalid`), as `Field` sets it when there is an error. */
export const Invalid: Story = {
  args: { value: '123456', 'aria-invalid': true },
}

/** Disabled while a code is checked. */
export const Disabled: Story = {
  args: { value: '123456', disabled: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Verification code')).toBeDisabled()
  },
}
