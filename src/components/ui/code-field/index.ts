export {
  CodeField,
  CodeFieldGroup,
  type CodeFieldProps,
  CodeFieldSlot,
  type CodeFieldSlotProps,
  normalizeCode,
} from './code-field'
