export { CodeField, type CodeFieldProps, normalizeCode } from './code-field'
