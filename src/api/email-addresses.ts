/**
 * The signed-in user's email addresses: `/v1/me/email_addresses*` (PROTOCOL.md §2). Every call but
 * `list` also returns the session's user from the piggybacked client, so a cache can be updated
 * without a second request.
 */
import { createCoalescer } from './coalesce'
import type { FapiAnswer, FapiTransport } from './fapi-client'
import { clientError } from './fapi-error'
import { isHttpUrl, readWrapped, schemas, toEmailAddress } from './parse'
import type {
  DeleteEmailAddressResult,
  EmailAddress,
  EmailAddressResult,
  PrepareVerificationParams,
  RequestOptions,
} from './types'

/** `client.emailAddresses`. */
export interface EmailAddressesApi {
  /** All the user's addresses (`GET /v1/me/email_addresses`, a bare array). @see operationId `getEmailAddresses` */
  list(options?: RequestOptions): Promise<EmailAddress[]>
  /** One address, with the user. @see operationId `getEmailAddress` */
  get(id: string, options?: RequestOptions): Promise<EmailAddressResult>
  /** Adds an unverified address (`verification: null`); sends nothing. @see operationId `createEmailAddresses` */
  create(params: { emailAddress: string }, options?: RequestOptions): Promise<EmailAddressResult>
  /**
   * Sends a code or a link, or starts enterprise SSO. Identical calls in flight share one request, so a
   * double click never sends two emails. @see operationId `sendVerificationEmail`
   */
  prepareVerification(
    id: string,
    params: PrepareVerificationParams,
    options?: RequestOptions,
  ): Promise<EmailAddressResult>
  /** Checks a code; resolves only when it was accepted. @see operationId `verifyEmailAddress` */
  attemptVerification(
    id: string,
    params: { code: string },
    options?: RequestOptions,
  ): Promise<EmailAddressResult>
  /** Removes an address. @see operationId `DeleteEmailAddress` */
  delete(id: string, options?: RequestOptions): Promise<DeleteEmailAddressResult>
}

/** Builds `emailAddresses` over a transport. */
export function createEmailAddressesApi(send: FapiTransport): EmailAddressesApi {
  const coalesce = createCoalescer()
  const path = (id: string, action?: string) =>
    `/me/email_addresses/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

  return {
    async list(options = {}) {
      const answer = await send({
        method: 'GET',
        path: '/me/email_addresses',
        signal: options.signal,
      })
      return readWrapped(schemas.emailAddressList, { ...answer, sessionId: null }).resource.map(
        (address) => toEmailAddress(address, answer.report),
      )
    },
    async get(id, options = {}) {
      return toResult(await send({ method: 'GET', path: path(id), signal: options.signal }))
    },
    async create(params, options = {}) {
      // The trailing slash is what clerk-js sends (§2.3).
      const body = { email_address: params.emailAddress }
      return toResult(
        await send({ method: 'POST', path: '/me/email_addresses/', body, signal: options.signal }),
      )
    },
    async prepareVerification(id, params, options = {}) {
      checkRedirectUrls(params)
      const body = {
        strategy: params.strategy,
        redirect_url: params.redirectUrl,
        action_complete_redirect_url: params.actionCompleteRedirectUrl,
      }
      const key = JSON.stringify([
        path(id),
        body.strategy,
        body.redirect_url,
        body.action_complete_redirect_url,
      ])
      return coalesce(
        key,
        async (signal) =>
          toResult(
            await send({ method: 'POST', path: path(id, 'prepare_verification'), body, signal }),
          ),
        options.signal,
      )
    },
    async attemptVerification(id, params, options = {}) {
      const body = { code: params.code }
      return toResult(
        await send({
          method: 'POST',
          path: path(id, 'attempt_verification'),
          body,
          signal: options.signal,
        }),
      )
    },
    async delete(id, options = {}) {
      const answer = await send({ method: 'DELETE', path: path(id), signal: options.signal })
      const { resource, user } = readWrapped(schemas.deletedObject, answer)
      return { deleted: { id: resource.id ?? id, deleted: resource.deleted }, user }
    },
  }
}

function toResult(answer: FapiAnswer): EmailAddressResult {
  const { resource, user } = readWrapped(schemas.emailAddress, answer)
  return { emailAddress: toEmailAddress(resource, answer.report), user }
}

/** Links and identity providers send the user to these URLs: refuse anything but absolute http(s). */
function checkRedirectUrls(params: PrepareVerificationParams): void {
  const needsRedirect = params.strategy === 'email_link' || params.strategy === 'enterprise_sso'
  if (needsRedirect && params.redirectUrl === undefined) {
    throw clientError(0, 'invalid_redirect_url', `${params.strategy} needs a redirectUrl.`, {
      paramName: 'redirect_url',
    })
  }
  const urls = [
    ['redirect_url', params.redirectUrl],
    ['action_complete_redirect_url', params.actionCompleteRedirectUrl],
  ] as const
  for (const [paramName, url] of urls) {
    if (url !== undefined && !isHttpUrl(url)) {
      throw clientError(
        0,
        'invalid_redirect_url',
        `${paramName} must be an absolute http(s) URL.`,
        {
          paramName,
        },
      )
    }
  }
}
