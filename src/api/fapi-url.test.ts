import { describe, expect, it } from 'vitest'
import { isFapiError } from './fapi-error'
import { fapiBase, isDevelopmentHost, parsePublishableKey, resolveFapiBaseUrl } from './fapi-url'

const key = (prefix: string, host: string) => `${prefix}${btoa(host).replace(/=+$/, '')}`

describe('parsePublishableKey', () => {
  it('decodes the example key from clerk-js tests', () => {
    expect(parsePublishableKey('pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk')).toEqual({
      frontendApi: 'foo-bar-13.clerk.accounts.dev',
      instanceType: 'development',
    })
  })

  it('reads pk_live_ as production, with or without base64 padding', () => {
    expect(parsePublishableKey(key('pk_live_', 'clerk.example.com$'))).toEqual({
      frontendApi: 'clerk.example.com',
      instanceType: 'production',
    })
    expect(parsePublishableKey(`pk_live_${btoa('clerk.example.co$')}`).frontendApi).toBe(
      'clerk.example.co',
    )
  })

  it.each([
    ['not a key', 'hello'],
    ['a secret key', key('sk_test_', 'x.accounts.dev$')],
    ['an unknown environment', key('pk_prod_', 'x.accounts.dev$')],
    ['no trailing $', key('pk_test_', 'x.accounts.dev')],
    ['two $', key('pk_test_', 'x$.accounts.dev$')],
    ['no dot in the host', key('pk_test_', 'localhost$')],
    ['not base64', 'pk_test_%%%'],
    ['an empty last part', 'pk_test_'],
  ])('refuses %s with a clear error', (_label, value) => {
    let thrown: unknown
    try {
      parsePublishableKey(value)
    } catch (error) {
      thrown = error
    }
    expect(isFapiError(thrown)).toBe(true)
    expect(thrown).toMatchObject({ code: 'invalid_publishable_key' })
    expect(String((thrown as Error).message)).toMatch(/^The publishable key is not valid: /)
  })
})

describe('resolveFapiBaseUrl', () => {
  it('uses https and the key host', () => {
    expect(
      resolveFapiBaseUrl({ publishableKey: 'pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk' }),
    ).toBe('https://foo-bar-13.clerk.accounts.dev/v1')
  })

  it('assumes https for a bare frontendApi host and keeps a full URL as given', () => {
    expect(resolveFapiBaseUrl({ frontendApi: 'clerk.example.com' })).toBe(
      'https://clerk.example.com/v1',
    )
    expect(resolveFapiBaseUrl({ frontendApi: 'http://127.0.0.1:4010/' })).toBe(
      'http://127.0.0.1:4010/v1',
    )
  })

  it('keeps the proxy scheme and path, without a trailing slash', () => {
    expect(resolveFapiBaseUrl({ proxyUrl: 'https://app.com/api/__clerk/' })).toBe(
      'https://app.com/api/__clerk/v1',
    )
    expect(resolveFapiBaseUrl({ proxyUrl: 'http://127.0.0.1:4010' })).toBe(
      'http://127.0.0.1:4010/v1',
    )
  })

  it('resolves a relative proxyUrl against the page origin', () => {
    expect(resolveFapiBaseUrl({ proxyUrl: '/__clerk' }, 'https://app.example.com')).toBe(
      'https://app.example.com/__clerk/v1',
    )
  })

  it('refuses a relative proxyUrl where there is no page', () => {
    expect(() => resolveFapiBaseUrl({ proxyUrl: '/__clerk' })).toThrow(
      /proxyUrl "\/__clerk" must be an absolute/,
    )
    expect(() => resolveFapiBaseUrl({ proxyUrl: 'ftp://x' }, 'https://a.example')).toThrow(
      /must be an absolute/,
    )
  })
})

describe('fapiBase', () => {
  it('names a relative proxy by its path, on a server too, and resolves it only when asked', () => {
    const base = fapiBase({ proxyUrl: '/__clerk/' })
    expect(base.key).toBe('/__clerk/v1')
    // Node has no page: the first request, not the render, is where this fails.
    expect(() => base.resolve()).toThrow(/proxyUrl "\/__clerk\/" must be an absolute/)
  })

  it('resolves everything else at once, and refuses what is neither absolute nor a path', () => {
    expect(fapiBase({ frontendApi: 'clerk.example.com' })).toMatchObject({
      key: 'https://clerk.example.com/v1',
    })
    expect(fapiBase({ proxyUrl: 'https://app.com/__clerk' }).resolve()).toBe(
      'https://app.com/__clerk/v1',
    )
    expect(() => fapiBase({ proxyUrl: '__clerk' })).toThrow(/must be an absolute/)
  })
})

describe('isDevelopmentHost', () => {
  it('knows clerk-js development and staging suffixes', () => {
    expect(isDevelopmentHost('foo-bar-13.clerk.accounts.dev')).toBe(true)
    expect(isDevelopmentHost('x.lclclerk.com')).toBe(false)
    expect(isDevelopmentHost('x.accounts.lclclerk.com')).toBe(true)
    expect(isDevelopmentHost('clerk.example.com')).toBe(false)
    expect(isDevelopmentHost('accounts.dev.example.com')).toBe(false)
  })
})
