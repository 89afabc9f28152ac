export {
  PrepareVerification,
  PrepareVerificationButton,
  type PrepareVerificationButtonProps,
  PrepareVerificationExpiry,
  type PrepareVerificationOptions,
  type PrepareVerificationProps,
} from './prepare-verification'
