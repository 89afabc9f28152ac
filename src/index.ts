/**
 * react-email-addresses: manage a signed-in user's email addresses over Clerk's Frontend API.
 * Named exports only; this list is the public surface.
 */

export type { EmailAddressesApi } from './api/email-addresses'
export type { FapiAnswer, FapiClient, FapiClientOptions, FapiRequest } from './api/fapi-client'
export { createFapiClient } from './api/fapi-client'
export type { ClientErrorCode } from './api/fapi-error'
export { FapiError, isFapiError } from './api/fapi-error'
export type { FapiLocation, PublishableKeyInfo } from './api/fapi-url'
export { parsePublishableKey } from './api/fapi-url'
export type { MeApi } from './api/me'
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
