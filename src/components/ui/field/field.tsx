'use client'

import { type ReactNode, useId } from 'react'

/** The props a `Field` hands its control so label, description and error are announced with it. */
export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/** Props of `Field`. */
export interface FieldProps {
  label: ReactNode
  /** Help text under the control. */
  description?: ReactNode
  /** The error; when set the control is `aria-invalid` and the message is announced. */
  error?: ReactNode
  /** Renders the control with the wiring props. */
  children: (control: FieldControlProps) => ReactNode
  className?: string
}

/**
 * A label, a control, its help text and its error, wired with `htmlFor`, `aria-describedby` and
 * `aria-invalid`. The error is a live region, so screen readers hear it when it appears.
 *
 * @example
 * <Field label="Email address" error={error}>{(control) => <input {...control} type="email" />}</Field>
 */
export function Field({ label, description, error, children, className }: FieldProps) {
  const id = useId()
  const descriptionId = description ? `${id}-description` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined
  return (
    <div data-slot="rea-field" data-invalid={error ? '' : undefined} className={className}>
      <label data-slot="rea-field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {description && (
        <p data-slot="rea-field-description" id={descriptionId}>
          {description}
        </p>
      )}
      <p data-slot="rea-field-error" id={errorId} role="alert" hidden={!error}>
        {error}
      </p>
    </div>
  )
}
