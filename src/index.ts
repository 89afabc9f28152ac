/**
 * react-email-addresses: manage a signed-in user's email addresses over Clerk's Frontend API.
 * Named exports only; this list is the public surface.
 */

export type { EmailAddressesApi } from './api/email-addresses'
export type { FapiClient, FapiClientOptions } from './api/fapi-client'
export { createFapiClient } from './api/fapi-client'
export type { ClientErrorCode } from './api/fapi-error'
export { FapiError, isFapiError } from './api/fapi-error'
export type { FapiLocation, PublishableKeyInfo } from './api/fapi-url'
export { parsePublishableKey } from './api/fapi-url'
export type { MeApi } from './api/me'
export type { ResponseIssue } from './api/parse'
export type {
  DeleteEmailAddressResult,
  EmailAddress,
  EmailAddressResult,
  EmailVerificationStrategy,
  FapiErrorItem,
  IdentificationLink,
  PrepareVerificationParams,
  RequestOptions,
  User,
  UserResult,
  Verification,
  VerificationStatus,
} from './api/types'

export type {
  EmailAddressesProviderProps,
  ReverificationRequest,
} from './hooks/email-addresses-provider'
export { EmailAddressesProvider } from './hooks/email-addresses-provider'
export { useFapiClient } from './hooks/use-fapi-client'
export type { EmailAddressesScope } from './hooks/query-keys'
export { emailAddressKeys } from './hooks/query-keys'
export { emailAddressQueries, scopeOf } from './hooks/email-address-queries'
export type { EmailAddressesData } from './hooks/sort-email-addresses'
export type { UseEmailAddressesOptions } from './hooks/use-email-addresses'
export { useEmailAddresses } from './hooks/use-email-addresses'
export type { UseEmailAddressOptions } from './hooks/use-email-address'
export { useEmailAddress } from './hooks/use-email-address'
export type { MutationCallbacks } from './hooks/use-fapi-mutation'
export type { CreateEmailAddressVariables } from './hooks/use-create-email-address'
export { useCreateEmailAddress } from './hooks/use-create-email-address'
export type { PrepareEmailAddressVerificationVariables } from './hooks/use-prepare-email-address-verification'
export { usePrepareEmailAddressVerification } from './hooks/use-prepare-email-address-verification'
export type { AttemptEmailAddressVerificationVariables } from './hooks/use-attempt-email-address-verification'
export { useAttemptEmailAddressVerification } from './hooks/use-attempt-email-address-verification'
export type { DeleteEmailAddressVariables } from './hooks/use-delete-email-address'
export { useDeleteEmailAddress } from './hooks/use-delete-email-address'
export type { SetPrimaryEmailAddressVariables } from './hooks/use-set-primary-email-address'
export { useSetPrimaryEmailAddress } from './hooks/use-set-primary-email-address'
export type {
  EmailLinkStatus,
  EmailLinkVerification,
  UseEmailLinkVerificationOptions,
} from './hooks/use-email-link-verification'
export { useEmailLinkVerification } from './hooks/use-email-link-verification'
export type { VerificationCooldown } from './hooks/use-verification-cooldown'
export { useVerificationCooldown } from './hooks/use-verification-cooldown'
export type {
  AddEmailAddressFlowActions,
  AddEmailAddressFlowState,
  AddEmailAddressFlowStep,
  UseAddEmailAddressFlowOptions,
} from './hooks/use-add-email-address-flow'
export { useAddEmailAddressFlow } from './hooks/use-add-email-address-flow'

export type {
  EmailListItemProps,
  EmailListItemsProps,
  EmailListProps,
} from './components/email-list'
export {
  EmailList,
  EmailListItem,
  EmailListItemActions,
  EmailListItemAddress,
  EmailListItemBadges,
  EmailListItemMakePrimary,
  EmailListItemRemove,
  EmailListItemRemoveConfirm,
  EmailListItemRemoveReason,
  EmailListItems,
  EmailListItemVerify,
} from './components/email-list'
export type { AddEmailFormProps } from './components/add-email-form'
export {
  AddEmailForm,
  AddEmailFormCancel,
  AddEmailFormInput,
  AddEmailFormSubmit,
  AddEmailFormSuggestion,
  suggestEmailFix,
} from './components/add-email-form'
export type { VerifyCodeInputCodeProps, VerifyCodeInputProps } from './components/verify-code-input'
export {
  VerifyCodeInput,
  VerifyCodeInputCode,
  VerifyCodeInputResend,
  VerifyCodeInputSubmit,
} from './components/verify-code-input'
export type {
  PrepareVerificationButtonProps,
  PrepareVerificationOptions,
  PrepareVerificationProps,
} from './components/prepare-verification-button'
export {
  PrepareVerification,
  PrepareVerificationButton,
  PrepareVerificationExpiry,
} from './components/prepare-verification-button'
export type {
  EmailLinkLandingProps,
  EmailLinkLandingState,
  EmailLinkPendingProps,
} from './components/email-link'
export { EmailLinkLanding, EmailLinkPending } from './components/email-link'
export type {
  EmailAddressManagerProps,
  EmailAddressManagerStep,
} from './components/email-address-manager'
export { EmailAddressManager } from './components/email-address-manager'
export type { BadgeProps } from './components/ui/badge'
export { Badge } from './components/ui/badge'
export type { ButtonProps } from './components/ui/button'
export { Button } from './components/ui/button'
export type { CodeFieldProps, CodeFieldSlotProps } from './components/ui/code-field'
export { CodeField, CodeFieldGroup, CodeFieldSlot, normalizeCode } from './components/ui/code-field'
export type { FieldControlProps, FieldDefaults, FieldProps } from './components/ui/field'
export {
  Field,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldLabel,
  FieldScope,
} from './components/ui/field'

export { enUS } from './localization/en-us'
export type { Localization, LocalizationOverrides } from './localization/localization'
export { errorMessage, mergeLocalization } from './localization/localization'
export { LocalizationProvider, useLocalization } from './localization/localization-provider'
