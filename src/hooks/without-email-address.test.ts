/**
 * The optimistic removal must show what the server then confirms: for every address of several
 * users, `withoutEmailAddress` is compared with the emulator's answer to the same delete, read through
 * the library's own client. Where the server refuses (the last address, the last verified one), the
 * refusal is what the rollback then shows.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createFapiClient } from '../api/fapi-client'
import { FapiError } from '../api/fapi-error'
import type { EmailAddress, User } from '../api/types'
import { createFapiEmulator } from '../testing/emulator'
import type { SeedEmailAddress } from '../testing/types'
import { withoutEmailAddress } from './user-cache'

const unverified = (email_address: string): SeedEmailAddress => ({ email_address, verified: false })

const SEEDS: Record<string, SeedEmailAddress[]> = {
  'three verified': ['a@example.com', 'b@example.com', 'c@example.com'],
  'verified, unverified, verified': ['a@example.com', unverified('b@example.com'), 'c@example.com'],
  'primary and one unverified': ['a@example.com', unverified('b@example.com')],
  'unverified primary': [
    { email_address: 'a@example.com', verified: false, primary: true },
    'b@example.com',
    unverified('c@example.com'),
  ],
  'unverified primary, nothing verified': [
    { email_address: 'a@example.com', verified: false, primary: true },
    unverified('b@example.com'),
  ],
  'one address': ['a@example.com'],
}

function summary(user: User) {
  const primary = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)
  return {
    primary: primary?.emailAddress ?? null,
    emails: user.emailAddresses.map((e) => e.emailAddress).sort(),
  }
}

async function serverAnswer(seed: SeedEmailAddress[], address: string) {
  const emulator = createFapiEmulator({ users: [{ email_addresses: seed }] })
  const client = createFapiClient({
    frontendApi: 'fapi.emulator.test',
    getSessionId: () => emulator.signedIn.sessionId,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  })
  const { user } = await client.me.get()
  const target = user.emailAddresses.find((e) => e.emailAddress === address)!
  const answer = await client.emailAddresses.delete(target.id).then(
    (result) => ({ ok: true as const, user: result.user! }),
    (error: unknown) => ({ ok: false as const, error: error as FapiError }),
  )
  return { before: user, target, answer }
}

describe('withoutEmailAddress agrees with the server', () => {
  const cases = Object.entries(SEEDS).flatMap(([name, seed]) =>
    seed.map(
      (entry) => [name, seed, typeof entry === 'string' ? entry : entry.email_address] as const,
    ),
  )

  it.each(cases)('%s: removing %s', async (_name, seed, address) => {
    const { before, target, answer } = await serverAnswer(seed, address)
    const predicted = withoutEmailAddress(before, target.id)
    if (answer.ok) {
      expect(summary(predicted)).toEqual(summary(answer.user))
    } else {
      // Refused: the last address, or the last verified one (the primary is never left empty).
      expect(answer.error).toBeInstanceOf(FapiError)
      expect([
        'identification_deletion_failed',
        'last_required_identification_deletion_failed',
      ]).toContain(answer.error.code)
      expect(answer.error.user && summary(answer.error.user)).toEqual(summary(before))
    }
  })

  it('the server refuses exactly where no other verified address would be left', async () => {
    const refused: string[] = []
    for (const [name, seed, address] of cases) {
      const { answer } = await serverAnswer(seed, address)
      if (!answer.ok) {
        refused.push(`${name}: ${address}`)
      }
    }
    expect(refused).toEqual([
      'primary and one unverified: a@example.com',
      'unverified primary: b@example.com',
      'one address: a@example.com',
    ])
  })
})

describe('withoutEmailAddress', () => {
  // A real user and address, read through the client, as templates.
  let BASE_USER: User
  let VERIFIED: EmailAddress
  beforeAll(async () => {
    BASE_USER = (await serverAnswer(['a@example.com'], 'a@example.com')).before
    VERIFIED = BASE_USER.emailAddresses[0]!
  })
  const address = (id: string, createdAt: number, verified: boolean): EmailAddress => ({
    ...VERIFIED,
    id,
    emailAddress: `${id}@example.com`,
    verification: verified ? VERIFIED.verification : null,
    createdAt,
    updatedAt: createdAt,
  })

  // The first address is the primary.
  const userWith = (emailAddresses: EmailAddress[]): User => ({
    ...BASE_USER,
    primaryEmailAddressId: emailAddresses[0]!.id,
    emailAddresses,
  })

  it('passes the primary to the oldest other verified address, whatever order the cache holds', () => {
    const user = userWith([
      address('a', 1, true),
      address('d', 4, true),
      address('b', 2, false),
      address('c', 3, true),
    ])
    expect(withoutEmailAddress(user, 'a').primaryEmailAddressId).toBe('c')
  })

  it('keeps the primary when another address goes, and leaves the rest untouched', () => {
    const kept = address('b', 2, true)
    const user = userWith([address('a', 1, true), kept, address('c', 3, false)])
    const next = withoutEmailAddress(user, 'c')
    expect(next.primaryEmailAddressId).toBe('a')
    expect(next.emailAddresses[1]).toBe(kept)
    expect(next.emailAddresses.map((e) => e.id)).toEqual(['a', 'b'])
  })
})
