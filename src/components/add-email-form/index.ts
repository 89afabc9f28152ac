export {
  AddEmailForm,
  AddEmailFormCancel,
  AddEmailFormInput,
  type AddEmailFormProps,
  AddEmailFormSubmit,
  AddEmailFormSuggestion,
} from './add-email-form'
export { suggestEmailFix } from './suggest-email'
