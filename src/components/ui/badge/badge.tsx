import type { HTMLAttributes } from 'react'

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
export function Badge({ tone = 'neutral', ...props }: BadgeProps) {
  return <span data-slot="rea-badge" data-tone={tone} {...props} />
}
