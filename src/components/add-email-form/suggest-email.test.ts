import { describe, expect, it } from 'vitest'
import { suggestEmailFix } from './suggest-email'

describe('suggestEmailFix', () => {
  it.each([
    ['jane@gmail.con', 'jane@gmail.com'],
    ['jane@gmial.com', 'jane@gmail.com'],
    ['jane@hotmial.com', 'jane@hotmail.com'],
    ['jane@yahoo.cmo', 'jane@yahoo.com'],
    ['Jane.Doe@outlok.com', 'Jane.Doe@outlook.com'],
    ['a@icloud.co', 'a@icloud.com'],
  ])('suggests %s → %s', (typed, suggestion) => {
    expect(suggestEmailFix(typed)).toBe(suggestion)
  })

  it.each([
    'jane@gmail.com',
    'jane@example.com',
    'jane@company.io',
    'jane',
    'jane@',
    '@gmail.con',
    'x@a.b',
  ])('leaves %s alone', (typed) => {
    expect(suggestEmailFix(typed)).toBeNull()
  })
})
