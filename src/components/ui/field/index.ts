export {
  Field,
  FieldControl,
  type FieldControlProps,
  FieldDescription,
  FieldError,
  FieldLabel,
  type FieldProps,
} from './field'
