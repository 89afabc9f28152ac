import { forwardRef, type HTMLAttributes } from 'react'

/** Props of `Badge`. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** Styling hook: `data-tone`. @defaultValue 'neutral' */
  tone?: 'neutral' | 'success' | 'warning' | 'info'
}

/**
 * A short status label.
 *
 * @example
 * <Badge tone="success">Verified</Badge>
 */
export const Badge = forwardRef<HTMLSpanElement, BadgeProps>(function Badge(
  { tone = 'neutral', ...props },
  ref,
) {
  return <span ref={ref} data-tone={tone} {...props} data-slot="rea-badge" />
})
