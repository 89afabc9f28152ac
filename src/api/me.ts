/** The signed-in user: `GET /v1/me` and `PATCH /v1/me` (PROTOCOL.md §2.2, "Set primary"). */
import type { FapiTransport } from './fapi-client'
import { readWrapped, schemas, toUser } from './parse'
import type { RequestOptions, UserResult } from './types'

/** `client.me`. */
export interface MeApi {
  /** The user with all addresses and the primary id, in one request. @see operationId `getUser` */
  get(options?: RequestOptions): Promise<UserResult>
  /** Makes a verified address the primary one. @see operationId `patchUser` */
  update(params: { primaryEmailAddressId: string }, options?: RequestOptions): Promise<UserResult>
}

/** Builds `me` over a transport. */
export function createMeApi(send: FapiTransport): MeApi {
  const read = async (request: Parameters<FapiTransport>[0]): Promise<UserResult> => {
    const answer = await send(request)
    const { resource, user } = readWrapped(schemas.user, answer)
    // The piggybacked client is the freshest picture; the resource is the same user.
    return { user: user ?? toUser(resource, answer.report) }
  }
  return {
    get: (options = {}) => read({ method: 'GET', path: '/me', signal: options.signal }),
    update: (params, options = {}) =>
      read({
        method: 'PATCH',
        path: '/me',
        body: { primary_email_address_id: params.primaryEmailAddressId },
        signal: options.signal,
      }),
  }
}
