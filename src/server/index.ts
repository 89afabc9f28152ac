/**
 * `react-email-addresses/server`: the Backend API email-address operations, for Node and edge code
 * (route handlers, server actions, scripts, test set-up). Never import it into browser code: it holds
 * your secret key, and its `browser` build throws at import.
 */
export {
  type BackendClient,
  type BackendClientOptions,
  type BackendEmailAddressesApi,
  type BackendRequestOptions,
  type CreateEmailAddressParams,
  createBackendClient,
  type DeletedEmailAddress,
  type UpdateEmailAddressParams,
} from './backend-client'
export {
  type BackoffStrategy,
  DEFAULT_RETRY_CONFIG,
  type ResolvedRetryConfig,
  type RetryClock,
  type RetryConfig,
  type StatusCodePattern,
} from './retry'
export { type ClientErrorCode, FapiError, isFapiError } from '../api/fapi-error'
export type { EmailAddress, FapiErrorItem, IdentificationLink, Verification } from '../api/types'
