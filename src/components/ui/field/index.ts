export {
  Field,
  FieldControl,
  type FieldControlProps,
  type FieldDefaults,
  FieldDescription,
  FieldError,
  FieldLabel,
  type FieldProps,
  FieldScope,
} from './field'
