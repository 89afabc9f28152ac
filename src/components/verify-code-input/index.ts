export {
  VerifyCodeInput,
  VerifyCodeInputCode,
  type VerifyCodeInputCodeProps,
  VerifyCodeInputDescription,
  VerifyCodeInputError,
  VerifyCodeInputField,
  VerifyCodeInputLabel,
  type VerifyCodeInputProps,
  VerifyCodeInputResend,
  VerifyCodeInputSubmit,
} from './verify-code-input'
