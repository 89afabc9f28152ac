/**
 * `react-email-addresses/server`: the Backend API email-address and user operations, for Node and
 * edge code (route handlers, server actions, scripts, test set-up). Never import it into browser
 * code: it holds your secret key, and its `browser` build throws at import.
 */
export {
  type BackendClient,
  type BackendClientOptions,
  type BackendEmailAddressesApi,
  type BackendRequestOptions,
  type BackendUsersApi,
  type CreateEmailAddressParams,
  createBackendClient,
  type DeletedObject,
  type UpdateEmailAddressParams,
  type UserListPageParams,
  type UserListParams,
} from './backend-client'
export {
  BackendApiError,
  type BackendApiErrorItem,
  type BackendApiErrorKind,
  type BackendClientErrorCode,
  isBackendApiError,
} from './errors'
export {
  type BackoffStrategy,
  DEFAULT_RETRY_CONFIG,
  DEFAULT_TIMEOUT_MS,
  type ResolvedRetryConfig,
  type RetryClock,
  type RetryConfig,
  type StatusCodePattern,
} from './retry'
export type { EmailAddress, IdentificationLink, User, Verification } from '../api/types'
