import type { EmailAddress, User } from '../api/types'

/** What `useEmailAddresses` gives: the user's addresses in the order people expect, and the primary. */
export interface EmailAddressesData {
  /** Primary first, then verified, then pending (soonest expiry first), then never prepared. */
  emailAddresses: EmailAddress[]
  primaryEmailAddressId: string | null
  primaryEmailAddress: EmailAddress | null
}

/** Sorts a user's addresses as `EmailAddressesData` (a pure function of the user). */
export function toEmailAddressesData(
  user: Pick<User, 'emailAddresses' | 'primaryEmailAddressId'>,
): EmailAddressesData {
  const primaryEmailAddressId = user.primaryEmailAddressId
  const rank = (address: EmailAddress) => {
    if (address.id === primaryEmailAddressId) {
      return 0
    }
    if (address.verification?.status === 'verified') {
      return 1
    }
    return address.verification ? 2 : 3
  }
  const emailAddresses = [...user.emailAddresses].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 2 ? expiry(a) - expiry(b) : 0) ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  )
  const primaryEmailAddress =
    emailAddresses.find((address) => address.id === primaryEmailAddressId) ?? null
  return { emailAddresses, primaryEmailAddressId, primaryEmailAddress }
}

function expiry(address: EmailAddress): number {
  return address.verification?.expireAt ?? Number.POSITIVE_INFINITY
}
