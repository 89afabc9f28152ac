export { AddEmailForm, type AddEmailFormProps } from './add-email-form'
export { suggestEmailFix } from './suggest-email'
