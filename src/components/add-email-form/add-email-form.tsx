'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import {
  type FormHTMLAttributes,
  forwardRef,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  useEffect,
  useMemo,
} from 'react'
import { type UseFormReturn, useForm } from 'react-hook-form'
import { isFapiError } from '../../api/fapi-error'
import type { EmailAddress } from '../../api/types'
import { useControllableState } from '../../hooks/use-controllable-state'
import { useCreateEmailAddress } from '../../hooks/use-create-email-address'
import { useLatest } from '../../hooks/use-latest'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { Button, type ButtonProps, LabelledButton } from '../ui/button'
import { composeEventHandlers, createPartContext, useComposedRefs } from '../ui/compose'
import { FieldControl, FieldError, FieldLabel, FieldScope } from '../ui/field'
import { emailAddressSchema } from './email-address-schema'
import { suggestEmailFix } from './suggest-email'

interface Values {
  emailAddress: string
}

interface AddEmailState {
  form: UseFormReturn<Values>
  /** The address the input shows: the app's when controlled. */
  address: string
  /** A change the user made (typed, or picked the suggestion); the app may refuse it when controlled. */
  setAddress(value: string): void
  pending: boolean
  autoFocus: boolean | undefined
  onCancel: (() => void) | undefined
}

const [AddEmailProvider, useAddEmail] = createPartContext<AddEmailState>('AddEmailForm')

/** Props of `AddEmailForm`: a `<form>`'s props, and more. */
export interface AddEmailFormProps extends Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'defaultValue'
> {
  /** Called with the new (unverified) address; send its code from here. */
  onSuccess?: (emailAddress: EmailAddress) => void
  /** Shows a cancel button that calls this. */
  onCancel?: () => void
  /** Focus the input when the form appears. @defaultValue false */
  autoFocus?: boolean
  /** The address typed (controlled). */
  value?: string
  /** The address to start with (uncontrolled). @defaultValue '' */
  defaultValue?: string
  /** Told every change of the address the user makes. */
  onValueChange?: (value: string) => void
  /** Runs before the form adds the address; `event.preventDefault()` stops it from adding. */
  onSubmit?: FormHTMLAttributes<HTMLFormElement>['onSubmit']
  /**
   * The parts: `FieldLabel`, `AddEmailFormInput`, `FieldDescription`, `FieldError`,
   * `AddEmailFormSuggestion`, `AddEmailFormSubmit`, `AddEmailFormCancel`, in any layout.
   * @defaultValue all of them but the description
   */
  children?: ReactNode
}

/**
 * Adds an address: trims it, checks its format and length before any request, suggests a fix for a
 * mistyped common domain, and puts server errors on the field they name (else on the form, in an
 * alert after the parts). What the user typed survives every error; submitting is off while the
 * request is pending.
 *
 * It is the root of a compound component: lay out its parts yourself, and own the address with
 * `value` / `onValueChange` if you like.
 *
 * @example
 * <AddEmailForm onSuccess={(address) => prepare.mutate({ id: address.id, strategy: 'email_code' })} />
 *
 * // Your own layout. The form owns one field, so the generic `Field` parts work inside it and show
 * // its label and error unless given their own:
 * <AddEmailForm onSuccess={onAdded} onCancel={close}>
 *   <FieldLabel>Work email</FieldLabel>
 *   <AddEmailFormInput className="input" />
 *   <FieldError />
 *   <AddEmailFormSubmit>Add</AddEmailFormSubmit>
 * </AddEmailForm>
 */
export const AddEmailForm = forwardRef<HTMLFormElement, AddEmailFormProps>(function AddEmailForm(
  {
    onSuccess,
    onCancel,
    autoFocus,
    value,
    defaultValue = '',
    onValueChange,
    onSubmit,
    children,
    ...props
  },
  ref,
) {
  const t = useLocalization()
  const schema = useMemo(() => emailAddressSchema(t), [t])
  const [address, setAddress] = useControllableState({
    prop: value,
    defaultProp: defaultValue,
    onChange: onValueChange,
  })
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { emailAddress: address },
  })
  // The form checks and sends what the input shows, after every render (also one where the app
  // kept its value over the user's change). After a first submit, each change is checked again as
  // it is made (react-hook-form's default re-validation).
  const submitted = form.formState.isSubmitted
  useEffect(() => {
    if (form.getValues('emailAddress') !== address) {
      form.setValue('emailAddress', address, { shouldValidate: submitted })
    }
  })
  const create = useCreateEmailAddress()
  const latest = useLatest({ onSuccess })

  const submit = form.handleSubmit(({ emailAddress }) =>
    create.mutateAsync({ emailAddress }).then(
      ({ emailAddress: created }) => {
        form.reset({ emailAddress: '' })
        setAddress('')
        latest.current.onSuccess?.(created)
      },
      (error: unknown) => {
        const fapi = isFapiError(error) ? error : null
        const field = fapi?.fieldErrors.emailAddress
        const message = errorMessage(t, field ?? fapi?.errors[0] ?? { code: 'default' })
        form.setError(field ? 'emailAddress' : 'root.server', {
          message: message ?? t.errors.default,
        })
        // The submit button was disabled while pending, which drops focus: bring it back to the input.
        form.setFocus('emailAddress')
      },
    ),
  )
  const state: AddEmailState = {
    form,
    address,
    setAddress,
    pending: create.isPending,
    autoFocus,
    onCancel,
  }
  const rootMessage = form.formState.errors.root?.server?.message
  const fieldMessage = form.formState.errors.emailAddress?.message
  return (
    <AddEmailProvider value={state}>
      <form
        ref={ref}
        data-slot="rea-add-email-form"
        noValidate
        {...props}
        onSubmit={composeEventHandlers(onSubmit, (event) => void submit(event))}
      >
        <FieldScope
          invalid={Boolean(fieldMessage)}
          label={t.addEmailForm.label}
          error={fieldMessage}
        >
          {children ?? (
            <>
              <div data-slot="rea-field" data-invalid={fieldMessage ? '' : undefined}>
                <FieldLabel />
                <AddEmailFormInput />
                <FieldError />
              </div>
              <AddEmailFormSuggestion />
              <div data-slot="rea-add-email-form-actions">
                <AddEmailFormSubmit />
                {onCancel && <AddEmailFormCancel />}
              </div>
            </>
          )}
        </FieldScope>
        <p data-slot="rea-add-email-form-error" role="alert" hidden={!rootMessage}>
          {rootMessage}
        </p>
      </form>
    </AddEmailProvider>
  )
})

/**
 * The address `<input type="email">`, registered with the form and showing its address (the app's,
 * when controlled); its props and ref reach the input, and its handlers run beside the form's.
 *
 * @example
 * <AddEmailFormInput className="input" placeholder="name@company.com" />
 */
export const AddEmailFormInput = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'>
>(function AddEmailFormInput({ onChange, onBlur, ...props }, forwardedRef) {
  const t = useLocalization()
  const { form, address, setAddress, autoFocus } = useAddEmail('AddEmailFormInput')
  const field = form.register('emailAddress')
  const ref = useComposedRefs(forwardedRef, field.ref)
  return (
    <FieldControl>
      <input
        type="email"
        // An address reads left to right, also on a right-to-left page.
        dir="auto"
        autoComplete="email"
        placeholder={t.addEmailForm.placeholder}
        autoFocus={autoFocus}
        data-slot="rea-add-email-form-input"
        {...props}
        name={field.name}
        ref={ref}
        value={address}
        onBlur={composeEventHandlers(onBlur, (event) => void field.onBlur(event))}
        onChange={composeEventHandlers(onChange, (event) => setAddress(event.target.value))}
      />
    </FieldControl>
  )
})

/**
 * "Did you mean jane@gmail.com?" with a button that takes it, as a `<p>`, while the typed domain
 * looks like a typo of a common one (nothing otherwise).
 *
 * @example
 * <AddEmailFormSuggestion className="text-sm" />
 */
export const AddEmailFormSuggestion = forwardRef<
  HTMLParagraphElement,
  HTMLAttributes<HTMLParagraphElement>
>(function AddEmailFormSuggestion(props, ref) {
  const t = useLocalization()
  const { address, setAddress } = useAddEmail('AddEmailFormSuggestion')
  const suggestion = suggestEmailFix(address.trim())
  if (!suggestion) {
    return null
  }
  return (
    <p ref={ref} data-slot="rea-add-email-form-suggestion" {...props}>
      {t.addEmailForm.didYouMean(suggestion)}{' '}
      <Button variant="ghost" onClick={() => setAddress(suggestion)}>
        {t.addEmailForm.useSuggestion(suggestion)}
      </Button>
    </p>
  )
})

/**
 * The submit `Button` ("Add email address"), disabled and busy while the address is being added.
 *
 * @example
 * <AddEmailFormSubmit>Add</AddEmailFormSubmit>
 */
export const AddEmailFormSubmit = forwardRef<HTMLButtonElement, ButtonProps>(
  function AddEmailFormSubmit(props, ref) {
    const t = useLocalization()
    const { pending } = useAddEmail('AddEmailFormSubmit')
    return (
      <LabelledButton
        ref={ref}
        label={pending ? t.addEmailForm.submitting : t.addEmailForm.submit}
        type="submit"
        variant="primary"
        disabled={pending}
        aria-busy={pending || undefined}
        {...props}
      />
    )
  },
)

/**
 * "Cancel": calls the form's `onCancel`.
 *
 * @example
 * <AddEmailFormCancel variant="secondary" />
 */
export const AddEmailFormCancel = forwardRef<HTMLButtonElement, ButtonProps>(
  function AddEmailFormCancel({ onClick, ...props }, ref) {
    const t = useLocalization()
    const { onCancel } = useAddEmail('AddEmailFormCancel')
    return (
      <LabelledButton
        ref={ref}
        label={t.manager.cancel}
        variant="ghost"
        {...props}
        onClick={composeEventHandlers(onClick, () => onCancel?.())}
      />
    )
  },
)
