'use client'

import { Slot } from '@radix-ui/react-slot'
import {
  forwardRef,
  type HTMLAttributes,
  type LabelHTMLAttributes,
  type ReactElement,
  useCallback,
  useId,
  useMemo,
  useState,
} from 'react'
import { createPartContext, useComposedRefs } from '../compose'

interface FieldContextValue {
  controlId: string
  descriptionId: string | undefined
  errorId: string | undefined
  invalid: boolean
  registerDescription(element: HTMLElement | null): void
  registerError(element: HTMLElement | null): void
}

const [FieldProvider, useField] = createPartContext<FieldContextValue>('Field')

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
  const id = useId()
  const [hasDescription, setHasDescription] = useState(false)
  const [hasError, setHasError] = useState(false)
  const value = useMemo<FieldContextValue>(
    () => ({
      controlId: `${id}-control`,
      descriptionId: hasDescription ? `${id}-description` : undefined,
      errorId: hasError ? `${id}-error` : undefined,
      invalid,
      registerDescription: (element) => setHasDescription(element !== null),
      registerError: (element) => setHasError(element !== null),
    }),
    [id, hasDescription, hasError, invalid],
  )
  return (
    <FieldProvider value={value}>
      <div ref={ref} data-slot="rea-field" data-invalid={invalid ? '' : undefined} {...props} />
    </FieldProvider>
  )
})

/**
 * The field's `<label>`, for its control.
 *
 * @example
 * <FieldLabel>Verification code</FieldLabel>
 */
export const FieldLabel = forwardRef<HTMLLabelElement, LabelHTMLAttributes<HTMLLabelElement>>(
  function FieldLabel(props, ref) {
    const { controlId } = useField('FieldLabel')
    return <label ref={ref} data-slot="rea-field-label" htmlFor={controlId} {...props} />
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
 * Help text under the control, as a `<p>`; the control is described by it.
 *
 * @example
 * <FieldDescription>Enter the code we sent to jane@example.com.</FieldDescription>
 */
export const FieldDescription = forwardRef<
  HTMLParagraphElement,
  HTMLAttributes<HTMLParagraphElement>
>(function FieldDescription(props, forwardedRef) {
  const field = useField('FieldDescription')
  const { registerDescription } = field
  const register = useCallback(
    (element: HTMLElement | null) => registerDescription(element),
    [registerDescription],
  )
  const ref = useComposedRefs(forwardedRef, register)
  return <p ref={ref} data-slot="rea-field-description" id={field.descriptionId} {...props} />
})

/**
 * The field's error, as a `<p role="alert">` that is always there (so screen readers announce a new
 * message) and hidden while empty. When the field is invalid, the control is described by it.
 *
 * @example
 * <FieldError>{errors.emailAddress?.message}</FieldError>
 */
export const FieldError = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function FieldError({ children, ...props }, forwardedRef) {
    const field = useField('FieldError')
    const { registerError } = field
    const empty =
      children === undefined || children === null || children === false || children === ''
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
        {children}
      </p>
    )
  },
)
