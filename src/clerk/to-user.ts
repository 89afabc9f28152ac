/**
 * clerk-js's `user` resource as this library's plain `User`, so a change made through clerk-js lands in
 * our cache with no request.
 */
import type { ClerkAPIError, EmailAddressResource, UserResource } from '@clerk/react/types'
import type { EmailAddress, FapiErrorItem, User, Verification } from '../api/types'

/**
 * Maps a clerk-js `UserResource` to our `User`. clerk-js keeps no `reserved`, `created_at` or
 * `updated_at` per address, so those come from `previous` (our cached user) when it has the address,
 * else `false` and the user's own timestamps.
 *
 * @example
 * const user = userFromClerk(clerk.user, cache.current())
 * cache.confirm(user, { broadcast: false })
 */
export function userFromClerk(resource: UserResource, previous?: User): User {
  const createdAt = resource.createdAt?.getTime() ?? 0
  const updatedAt = resource.updatedAt?.getTime() ?? createdAt
  const known = new Map(previous?.emailAddresses.map((address) => [address.id, address]))
  return {
    id: resource.id,
    primaryEmailAddressId: resource.primaryEmailAddressId,
    emailAddresses: resource.emailAddresses.map((address) =>
      emailAddressFromClerk(address, known.get(address.id), updatedAt),
    ),
    username: resource.username,
    firstName: resource.firstName,
    lastName: resource.lastName,
    imageUrl: resource.imageUrl || null,
    createdAt,
    updatedAt,
  }
}

function emailAddressFromClerk(
  resource: EmailAddressResource,
  known: EmailAddress | undefined,
  fallbackTime: number,
): EmailAddress {
  return {
    id: resource.id,
    emailAddress: resource.emailAddress,
    reserved: known?.reserved ?? false,
    verification: verificationFromClerk(resource.verification),
    linkedTo: resource.linkedTo.map(({ id, type }) => ({ id, type })),
    matchesSsoConnection: resource.matchesSsoConnection,
    createdAt: known?.createdAt ?? fallbackTime,
    updatedAt: known?.updatedAt ?? fallbackTime,
  }
}

/** clerk-js builds an empty verification from `null` (all fields null); ours stays `null`. */
function verificationFromClerk(
  resource: EmailAddressResource['verification'] | null | undefined,
): Verification | null {
  if (!resource?.status || !resource.strategy) {
    return null
  }
  return {
    // The same five statuses on both sides (clerk's VerificationStatus, our VerificationStatus).
    status: resource.status,
    strategy: resource.strategy,
    attempts: resource.attempts,
    expireAt: resource.expireAt?.getTime() ?? null,
    verifiedAtClient: resource.verifiedAtClient ?? null,
    externalVerificationRedirectUrl: resource.externalVerificationRedirectURL?.href ?? null,
    error: resource.error ? errorFromClerk(resource.error) : null,
  }
}

function errorFromClerk(error: ClerkAPIError): FapiErrorItem {
  const meta = error.meta ?? {}
  return {
    code: error.code,
    message: error.message,
    longMessage: error.longMessage ?? null,
    meta: {
      paramName: meta.paramName,
      sessionId: meta.sessionId,
      emailAddresses: meta.emailAddresses,
      identifiers: meta.identifiers,
    },
  }
}
