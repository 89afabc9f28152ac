export {
  VerifyCodeInput,
  VerifyCodeInputCode,
  type VerifyCodeInputCodeProps,
  type VerifyCodeInputProps,
  VerifyCodeInputResend,
  VerifyCodeInputSubmit,
} from './verify-code-input'
