'use client'

import { Slot } from '@radix-ui/react-slot'
import {
  type ButtonHTMLAttributes,
  cloneElement,
  forwardRef,
  isValidElement,
  type ReactNode,
} from 'react'

/** Props of `Button`. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Renders the child element (a link, a router link) with the button's props instead of a `<button>`. */
  asChild?: boolean
  /** Styling hook: `data-variant`. @defaultValue 'secondary' */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost'
}

/**
 * A real `<button>` (type `button` unless told otherwise) with `data-slot="rea-button"` and `data-variant`.
 *
 * @example
 * <Button variant="primary" type="submit">Add</Button>
 * <Button asChild><a href="/account">Back</a></Button>
 */
// forwardRef keeps refs working on React 18, which the peer range includes.
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { asChild, variant = 'secondary', type, ...props },
  ref,
) {
  if (asChild) {
    return <Slot ref={ref} data-variant={variant} {...props} data-slot="rea-button" />
  }
  return (
    <button
      ref={ref}
      data-variant={variant}
      type={type ?? 'button'}
      {...props}
      // Always ours: the theme styles our buttons by this slot, never an app's.
      data-slot="rea-button"
    />
  )
})

/**
 * The button of a part that has a label of its own ("Remove", "Resend code"): its children, else
 * `label`. With `asChild`, a child element without content of its own gets `label` (Radix's Slot
 * cannot merge a bare string, so `<Part asChild><a href="#" /></Part>` would render empty).
 *
 * @example
 * <LabelledButton label={t.actions.remove} {...props} />
 */
export const LabelledButton = forwardRef<HTMLButtonElement, ButtonProps & { label: ReactNode }>(
  function LabelledButton({ label, children, asChild, ...props }, ref) {
    let content = children ?? label
    if (
      asChild &&
      isValidElement<{ children?: ReactNode }>(children) &&
      children.props.children == null
    ) {
      content = cloneElement(children, undefined, label)
    }
    return (
      <Button ref={ref} asChild={asChild} {...props}>
        {content}
      </Button>
    )
  },
)
