import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SECRET_KEY } from '../../test/support/bapi-fixtures'
import { createBackendClient } from './backend-client'

afterEach(() => {
  vi.unstubAllGlobals()
})

const publishableKey = 'pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk'

describe('secret keys only', () => {
  it('refuses a publishable key, says which key is needed, and does not echo it', () => {
    const create = () => createBackendClient({ secretKey: publishableKey })
    expect(create).toThrow(/publishable key \(pk_…\).*secret key/s)
    expect(create).not.toThrow(publishableKey)
  })

  it.each([
    ['', /missing/],
    ['   ', /missing/],
    [undefined, /missing/],
    ['sk_prod_abc', /not a Clerk secret key/],
    ['Bearer sk_test_abc', /not a Clerk secret key/],
    ['sk_test_', /not a Clerk secret key/],
    ['sk_test_abc def', /not a Clerk secret key/],
  ])('refuses %j', (secretKey, message) => {
    expect(() => createBackendClient({ secretKey: secretKey as string })).toThrow(message)
  })

  it('accepts sk_test_ and sk_live_ keys', () => {
    expect(() => createBackendClient({ secretKey: SECRET_KEY })).not.toThrow()
    expect(() => createBackendClient({ secretKey: 'sk_live_abc123' })).not.toThrow()
  })
})

describe('not in a browser', () => {
  it('refuses to start where window and document exist, even with a valid key', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    expect(() => createBackendClient({ secretKey: SECRET_KEY })).toThrow(
      /must not be bundled for browsers.*dangerouslyAllowBrowser: true/s,
    )
  })

  it('starts there with dangerouslyAllowBrowser, for jsdom tests', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    expect(() =>
      createBackendClient({ secretKey: SECRET_KEY, dangerouslyAllowBrowser: true }),
    ).not.toThrow()
  })

  it('starts where only window exists (Deno 1), since there is no page to leak to', () => {
    vi.stubGlobal('window', {})
    expect(() => createBackendClient({ secretKey: SECRET_KEY })).not.toThrow()
  })
})

describe('the browser build (`browser` export condition)', () => {
  it('throws at import, saying the server entry must not be bundled for browsers', async () => {
    await expect(import('./browser')).rejects.toThrow(
      /react-email-addresses\/server must not be bundled for browsers/,
    )
  })

  it('exports the same runtime names as the server entry, so bundlers accept the import', async () => {
    const server = Object.keys(await import('./index')).sort()
    const source = readFileSync(new URL('./browser.ts', import.meta.url), 'utf8')
    const named = [...source.matchAll(/export function (\w+)/g)].map((match) => match[1])
    const reexported = [...source.matchAll(/export \{([^}]+)\}/g)].flatMap((match) =>
      match[1]!.split(',').map((name) => name.trim()),
    )
    expect([...named, ...reexported].sort()).toEqual(server)
  })
})
