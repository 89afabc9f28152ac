'use client'

import { Slot } from '@radix-ui/react-slot'
import {
  forwardRef,
  type HTMLAttributes,
  type LabelHTMLAttributes,
  type ReactElement,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useState,
} from 'react'
import { createPartContext, useComposedRefs } from '../compose'

interface FieldContextValue extends FieldDefaults {
  controlId: string
  descriptionId: string | undefined
  errorId: string | undefined
  invalid: boolean
  registerDescription(element: HTMLElement | null): void
  registerError(element: HTMLElement | null): void
}

/**
 * What a field's parts show when they are given no children (set by the components that own a field).
 *
 * @example
 * const defaults: FieldDefaults = { label: 'Email address', error: errors.email?.message }
 */
export interface FieldDefaults {
  label?: ReactNode
  description?: ReactNode
  error?: ReactNode
}

const [FieldProvider, useField] = createPartContext<FieldContextValue>('Field')

/**
 * The wiring of a field without an element of its own: `Field` uses it, and so do the forms that own
 * one field (`AddEmailForm`, `VerifyCodeInput`), so the generic parts work directly inside them and
 * show the form's label, description and error unless given their own.
 *
 * @example
 * // A field of your own form whose wrapper element is yours too (a grid cell, a table row):
 * <FieldScope invalid={Boolean(error)} label="Backup email" error={error}>
 *   <td><FieldLabel /></td>
 *   <td><FieldControl><input type="email" /></FieldControl><FieldError /></td>
 * </FieldScope>
 */
export function FieldScope({
  invalid = false,
  label,
  description,
  error,
  children,
}: FieldDefaults & { invalid?: boolean; children?: ReactNode }) {
  const id = useId()
  const [hasDescription, setHasDescription] = useState(false)
  const [hasError, setHasError] = useState(false)
  const value = useMemo<FieldContextValue>(
    () => ({
      controlId: `${id}-control`,
      descriptionId: hasDescription ? `${id}-description` : undefined,
      errorId: hasError ? `${id}-error` : undefined,
      invalid,
      label,
      description,
      error,
      registerDescription: (element) => setHasDescription(element !== null),
      registerError: (element) => setHasError(element !== null),
    }),
    [id, hasDescription, hasError, invalid, label, description, error],
  )
  return <FieldProvider value={value}>{children}</FieldProvider>
}

/** Props of `Field`: a `<div>`'s props, and whether the field is invalid. */
export interface FieldProps extends HTMLAttributes<HTMLDivElement> {
  /** Marks the control `aria-invalid` and describes it by `FieldError`. @defaultValue false */
  invalid?: boolean
}

/**
 * A form field, in the style of shadcn's `field.tsx`: the root wires its parts together by
 * generated ids — `FieldLabel`'s `htmlFor`, and the control's `id`, `aria-invalid` and
 * `aria-describedby` (the error first, then the description) through `FieldControl`. State is in
 * `data-invalid`.
 *
 * @example
 * <Field invalid={Boolean(error)}>
 *   <FieldLabel>Email address</FieldLabel>
 *   <FieldControl><input type="email" /></FieldControl>
 *   <FieldDescription>We send a code to this address.</FieldDescription>
 *   <FieldError>{error}</FieldError>
 * </Field>
 */
export const Field = forwardRef<HTMLDivElement, FieldProps>(function Field(
  { invalid = false, ...props },
  ref,
) {
  return (
    <FieldScope invalid={invalid}>
      <div ref={ref} data-slot="rea-field" data-invalid={invalid ? '' : undefined} {...props} />
    </FieldScope>
  )
})

/**
 * The field's `<label>`, for its control (its children, else the owning form's label).
 *
 * @example
 * <FieldLabel>Verification code</FieldLabel>
 */
export const FieldLabel = forwardRef<HTMLLabelElement, LabelHTMLAttributes<HTMLLabelElement>>(
  function FieldLabel({ children, ...props }, ref) {
    const field = useField('FieldLabel')
    return (
      <label ref={ref} data-slot="rea-field-label" htmlFor={field.controlId} {...props}>
        {children ?? field.label}
      </label>
    )
  },
)

/** Props of `FieldControl`: the one element that is the field's control. */
export interface FieldControlProps {
  children: ReactElement
}

/**
 * Gives its one child (an `<input>`, a `CodeField`, any control) the field's `id`, `aria-invalid`
 * and `aria-describedby` (after the child's own descriptions).
 *
 * @example
 * <FieldControl><input type="email" /></FieldControl>
 */
export const FieldControl = forwardRef<HTMLElement, FieldControlProps>(function FieldControl(
  { children },
  ref,
) {
  const field = useField('FieldControl')
  // Slot puts the child's own `aria-describedby` first, then these.
  const describedBy = [field.errorId, field.descriptionId].filter(Boolean).join(' ')
  return (
    <Slot
      ref={ref}
      id={field.controlId}
      aria-invalid={field.invalid || undefined}
      aria-describedby={describedBy || undefined}
    >
      {children}
    </Slot>
  )
})

/**
 * Help text under the control, as a `<p>` (its children, else the owning form's; nothing when there
 * is none); the control is described by it.
 *
 * @example
 * <FieldDescription>Enter the code we sent to jane@example.com.</FieldDescription>
 */
export const FieldDescription = forwardRef<
  HTMLParagraphElement,
  HTMLAttributes<HTMLParagraphElement>
>(function FieldDescription({ children, ...props }, forwardedRef) {
  const field = useField('FieldDescription')
  const { registerDescription } = field
  const register = useCallback(
    (element: HTMLElement | null) => registerDescription(element),
    [registerDescription],
  )
  const ref = useComposedRefs(forwardedRef, register)
  const content = children ?? field.description
  if (content === undefined || content === null) {
    return null
  }
  return (
    <p ref={ref} data-slot="rea-field-description" id={field.descriptionId} {...props}>
      {content}
    </p>
  )
})

/**
 * The field's error (its children, else the owning form's), as a `<p role="alert">` that is always
 * there (so screen readers announce a new message) and hidden while empty. When the field is invalid, the control is described by it.
 *
 * @example
 * <FieldError>{errors.emailAddress?.message}</FieldError>
 */
export const FieldError = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function FieldError({ children, ...props }, forwardedRef) {
    const field = useField('FieldError')
    const { registerError } = field
    const content = children ?? field.error
    const empty = content === undefined || content === null || content === false || content === ''
    const register = useCallback(
      (element: HTMLElement | null) => registerError(empty ? null : element),
      [registerError, empty],
    )
    const ref = useComposedRefs(forwardedRef, register)
    return (
      <p
        ref={ref}
        data-slot="rea-field-error"
        id={field.errorId}
        role="alert"
        hidden={empty}
        {...props}
      >
        {content}
      </p>
    )
  },
)
