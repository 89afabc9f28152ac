import { describe, expect, it } from 'vitest'
import { keepUnchanged } from './keep-unchanged'

const address = (id: string, status = 'verified') => ({
  id,
  emailAddress: `${id}@example.com`,
  verification: { status },
})

describe('keepUnchanged', () => {
  it('keeps every surviving address when one before them is removed', () => {
    const previous = { id: 'user_1', emailAddresses: [address('a'), address('b'), address('c')] }
    const next = structuredClone({ ...previous, emailAddresses: previous.emailAddresses.slice(1) })
    const shared = keepUnchanged(previous, next) as typeof previous
    expect(shared).not.toBe(previous)
    expect(shared.emailAddresses[0]).toBe(previous.emailAddresses[1])
    expect(shared.emailAddresses[1]).toBe(previous.emailAddresses[2])
  })

  it('returns the previous object itself when nothing changed, wherever the items moved', () => {
    const previous = { emailAddresses: [address('a'), address('b')], primaryId: 'a' }
    expect(keepUnchanged(previous, structuredClone(previous))).toBe(previous)
    const reordered = { ...previous, emailAddresses: [address('b'), address('a')] }
    const shared = keepUnchanged(previous, reordered) as typeof previous
    expect(shared.emailAddresses).toEqual(reordered.emailAddresses)
    expect(shared.emailAddresses[0]).toBe(previous.emailAddresses[1])
  })

  it('gives a changed address a new object, and only that one', () => {
    const previous = { emailAddresses: [address('a', 'unverified'), address('b')] }
    const next = { emailAddresses: [address('a', 'verified'), address('b')] }
    const shared = keepUnchanged(previous, next) as typeof previous
    expect(shared.emailAddresses[0]).toEqual(next.emailAddresses[0])
    expect(shared.emailAddresses[0]).not.toBe(previous.emailAddresses[0])
    expect(shared.emailAddresses[1]).toBe(previous.emailAddresses[1])
  })

  it('takes the new value for added or removed keys, other types, and items without ids', () => {
    expect(keepUnchanged({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 })
    expect(keepUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 })
    expect(keepUnchanged([1, 2], [1, 3])).toEqual([1, 3])
    expect(keepUnchanged(undefined, { a: 1 })).toEqual({ a: 1 })
    const tags = [{ type: 'x' }]
    const shared = keepUnchanged({ tags, n: 1 }, { tags: [{ type: 'x' }], n: 2 })
    expect(shared).toEqual({ tags, n: 2 })
    expect((shared as { tags: unknown }).tags).toBe(tags)
  })
})
