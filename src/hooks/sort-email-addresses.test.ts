import { describe, expect, it } from 'vitest'
import type { EmailAddress, User, Verification } from '../api/types'
import { toEmailAddressesData } from './sort-email-addresses'

let clock = 1000
function address(id: string, verification: Partial<Verification> | null): EmailAddress {
  clock += 1
  return {
    id,
    emailAddress: `${id}@example.com`,
    reserved: false,
    verification: verification && {
      status: 'unverified',
      strategy: 'email_code',
      attempts: 0,
      expireAt: null,
      verifiedAtClient: null,
      externalVerificationRedirectUrl: null,
      error: null,
      ...verification,
    },
    linkedTo: [],
    matchesSsoConnection: false,
    createdAt: clock,
    updatedAt: clock,
  }
}

function user(primaryEmailAddressId: string | null, emailAddresses: EmailAddress[]): User {
  return {
    id: 'user_1',
    primaryEmailAddressId,
    emailAddresses,
    username: null,
    firstName: null,
    lastName: null,
    imageUrl: null,
    createdAt: 1,
    updatedAt: 1,
  }
}

describe('toEmailAddressesData', () => {
  it('puts primary first, then verified by age, then pending by expiry, then never prepared', () => {
    const data = toEmailAddressesData(
      user('primary', [
        address('never', null),
        address('late', { expireAt: 9000 }),
        address('old', { status: 'verified' }),
        address('soon', { expireAt: 5000 }),
        address('primary', { status: 'verified' }),
        address('young', { status: 'verified' }),
        address('failed', { status: 'failed', expireAt: 7000 }),
      ]),
    )
    expect(data.emailAddresses.map((a) => a.id)).toEqual([
      'primary',
      'old',
      'young',
      'soon',
      'failed',
      'late',
      'never',
    ])
    expect(data.primaryEmailAddress?.id).toBe('primary')
    expect(data.primaryEmailAddressId).toBe('primary')
  })

  it('keeps an unverified primary first (progressive sign-up) and tolerates a dangling primary id', () => {
    const unverifiedPrimary = toEmailAddressesData(
      user('p', [address('v', { status: 'verified' }), address('p', { expireAt: 1 })]),
    )
    expect(unverifiedPrimary.emailAddresses.map((a) => a.id)).toEqual(['p', 'v'])
    const dangling = toEmailAddressesData(user('gone', [address('v', { status: 'verified' })]))
    expect(dangling.primaryEmailAddress).toBeNull()
  })

  it('does not change the user it sorts', () => {
    const input = user(null, [address('b', null), address('a', { status: 'verified' })])
    toEmailAddressesData(input)
    expect(input.emailAddresses.map((a) => a.id)).toEqual(['b', 'a'])
  })
})
