import { domainToUnicode } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toAsciiEmail, toUnicodeEmail } from './idn'

describe('internationalised domains', () => {
  it.each([
    ['jane@bücher.de', 'jane@xn--bcher-kva.de'],
    ['x@münchen.example', 'x@xn--mnchen-3ya.example'],
    ['a@例え.テスト', 'a@xn--r8jz45g.xn--zckzah'],
    ['j@παράδειγμα.δοκιμή', 'j@xn--hxajbheg2az3al.xn--jxalpdlp'],
  ])('sends %s as %s and shows it as typed', (typed, sent) => {
    expect(toAsciiEmail(typed)).toBe(sent)
    expect(toUnicodeEmail(sent)).toBe(typed)
    // Node's own decoder agrees on the domain.
    expect(toUnicodeEmail(sent).split('@')[1]).toBe(domainToUnicode(sent.split('@')[1]!))
  })

  it('leaves ASCII addresses and broken punycode alone', () => {
    expect(toAsciiEmail('jane@example.com')).toBe('jane@example.com')
    expect(toUnicodeEmail('jane@example.com')).toBe('jane@example.com')
    expect(toUnicodeEmail('jane@xn--!!.com')).toBe('jane@xn--!!.com')
    expect(toAsciiEmail('not an address')).toBe('not an address')
  })
})
