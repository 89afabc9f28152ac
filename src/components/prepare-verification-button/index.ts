export {
  PrepareVerificationButton,
  type PrepareVerificationButtonProps,
} from './prepare-verification-button'
