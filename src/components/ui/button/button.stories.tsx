import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn } from 'storybook/test'
import { emulatorParameters } from '../../../../.storybook/emulator'
import { Button } from './button'

const meta = {
  title: 'UI/Button',
  component: Button,
  tags: ['autodocs'],
  args: { children: 'Make primary', onClick: fn() },
  parameters: emulatorParameters({ provider: false, inbox: false }),
} satisfies Meta<typeof Button>

export default meta
type Story = StoryObj<typeof meta>

/** A real `<button type="button">` with `data-slot` and `data-variant` (secondary by default). */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Make primary' })
    await expect(button).toHaveAttribute('type', 'button')
    await expect(button).toHaveAttribute('data-variant', 'secondary')
    await userEvent.click(button)
    await expect(args.onClick).toHaveBeenCalled()
  },
}

export const Primary: Story = { args: { variant: 'primary', children: 'Add email address' } }
export const Danger: Story = { args: { variant: 'danger', children: 'Remove' } }
export const Ghost: Story = { args: { variant: 'ghost', children: 'Cancel' } }

/** Disabled: not focusable, not clickable. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Make primary' }))
    await expect(args.onClick).not.toHaveBeenCalled()
  },
}

/** `asChild`: the button's props on your own element, e.g. a link. */
export const AsChild: Story = {
  args: { asChild: true, children: <a href="#account">Back to account</a> },
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: 'Back to account' })
    await expect(link).toHaveAttribute('data-slot', 'rea-button')
    await expect(link).not.toHaveAttribute('type')
  },
}

/** Every variant, enabled and disabled, for visual review. */
export const AllStates: Story = {
  render: () => (
    <div
      style={{
        display: 'grid',
        gap: 8,
        gridTemplateColumns: 'repeat(auto-fill, minmax(min(10rem, 100%), max-content))',
      }}
    >
      {(['primary', 'secondary', 'danger', 'ghost'] as const).map((variant) => (
        <Button key={variant} variant={variant}>
          {variant}
        </Button>
      ))}
      {(['primary', 'secondary', 'danger', 'ghost'] as const).map((variant) => (
        <Button key={variant} variant={variant} disabled>
          {variant} (disabled)
        </Button>
      ))}
    </div>
  ),
}
