export {
  AddEmailForm,
  AddEmailFormCancel,
  AddEmailFormError,
  AddEmailFormField,
  AddEmailFormInput,
  AddEmailFormLabel,
  type AddEmailFormProps,
  AddEmailFormSubmit,
  AddEmailFormSuggestion,
} from './add-email-form'
export { suggestEmailFix } from './suggest-email'
