'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm } from 'react-hook-form'
import * as z from 'zod/mini'
import { isFapiError } from '../../api/fapi-error'
import type { EmailAddress } from '../../api/types'
import { useCreateEmailAddress } from '../../hooks/use-create-email-address'
import { errorMessage } from '../../localization/localization'
import { useLocalization } from '../../localization/localization-provider'
import { Button } from '../ui/button'
import { Field } from '../ui/field'
import { suggestEmailFix } from './suggest-email'

/** Props of `AddEmailForm`. */
export interface AddEmailFormProps {
  /** Called with the new (unverified) address; send its code from here. */
  onSuccess?: (emailAddress: EmailAddress) => void
  /** Shows a cancel button that calls this. */
  onCancel?: () => void
  className?: string
  /** Focus the input when the form appears. @defaultValue false */
  autoFocus?: boolean
}

interface Values {
  emailAddress: string
}

/**
 * Adds an address: trims it, checks its format before any request, suggests a fix for a mistyped common
 * domain, and puts server errors on the field they name (else on the form). What the user typed
 * survives every error; the submit button is disabled while the request is pending.
 *
 * @example
 * <AddEmailForm onSuccess={(address) => prepare.mutate({ id: address.id, strategy: 'email_code' })} />
 */
export function AddEmailForm({ onSuccess, onCancel, className, autoFocus }: AddEmailFormProps) {
  const t = useLocalization()
  const schema = useMemo(
    () =>
      z.object({
        emailAddress: z.pipe(
          z.string().check(z.trim(), z.minLength(1, { error: t.addEmailForm.required })),
          z.email({ error: t.addEmailForm.invalid }),
        ),
      }),
    [t],
  )
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { emailAddress: '' },
  })
  const create = useCreateEmailAddress()
  const typed = form.watch('emailAddress')
  const suggestion = suggestEmailFix(typed.trim())

  const submit = form.handleSubmit((values) =>
    create.mutateAsync(values).then(
      ({ emailAddress }) => {
        form.reset()
        onSuccess?.(emailAddress)
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

  const fieldMessage = form.formState.errors.emailAddress?.message
  const rootMessage = form.formState.errors.root?.server?.message
  return (
    <form data-slot="rea-add-email-form" className={className} noValidate onSubmit={submit}>
      <Field label={t.addEmailForm.label} error={fieldMessage}>
        {(control) => (
          <input
            {...control}
            {...form.register('emailAddress')}
            type="email"
            autoComplete="email"
            placeholder={t.addEmailForm.placeholder}
            autoFocus={autoFocus}
            data-slot="rea-add-email-form-input"
          />
        )}
      </Field>
      {suggestion && (
        <p data-slot="rea-add-email-form-suggestion">
          {t.addEmailForm.didYouMean(suggestion)}{' '}
          <Button
            variant="ghost"
            onClick={() =>
              form.setValue('emailAddress', suggestion, {
                shouldValidate: form.formState.isSubmitted,
              })
            }
          >
            {t.addEmailForm.useSuggestion(suggestion)}
          </Button>
        </p>
      )}
      <p data-slot="rea-add-email-form-error" role="alert" hidden={!rootMessage}>
        {rootMessage}
      </p>
      <div data-slot="rea-add-email-form-actions">
        <Button
          type="submit"
          variant="primary"
          disabled={create.isPending}
          aria-busy={create.isPending || undefined}
        >
          {create.isPending ? t.addEmailForm.submitting : t.addEmailForm.submit}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t.manager.cancel}
          </Button>
        )}
      </div>
    </form>
  )
}
