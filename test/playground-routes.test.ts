/**
 * The playground's pages and their parameters (`playground/routes.mjs`), which the pages read and the
 * specs and the bench write: what one writes, the other reads back; a missing or unknown value fails.
 */
import { describe, expect, it } from 'vitest'
import { PAGES, pageForPath, pageUrl, readParams } from '../playground/routes.mjs'

const BASE = 'http://127.0.0.1:5173'

describe('playground routes', () => {
  it('reads back what pageUrl wrote', () => {
    const sides = pageUrl(BASE, 'sides', { fapi: 'http://127.0.0.1:4010', ui: true })
    expect(sides).toBe('http://127.0.0.1:5173/sides.html?fapi=http%3A%2F%2F127.0.0.1%3A4010&ui=1')
    expect(readParams('sides', new URL(sides).search)).toEqual({
      fapi: 'http://127.0.0.1:4010',
      ui: true,
    })
    const bench = pageUrl(BASE, 'bench', { scene: 'list', fapi: 'f', sid: 's' })
    expect(readParams('bench', new URL(bench).search)).toEqual({
      scene: 'list',
      fapi: 'f',
      sid: 's',
    })
    expect(pageUrl(`${BASE}/`, 'settings')).toBe(`${BASE}/`)
  })

  it('refuses a missing parameter, a value out of its list and an unknown name', () => {
    expect(() => readParams('clerkJs', '')).toThrow('clerkJs: ?fapi= is missing')
    expect(() => readParams('bench', '?scene=nope&fapi=f&sid=s')).toThrow('?scene=nope')
    // @ts-expect-error -- the settings page takes no parameters
    expect(() => pageUrl(BASE, 'settings', { fapi: 'f' })).toThrow('no parameter ?fapi=')
  })

  it('routes each path to its page; two pages may share an entry', () => {
    for (const [name, page] of Object.entries(PAGES)) {
      expect(pageForPath(page.path)).toBe(name)
    }
    expect(pageForPath('/verified/')).toBe('verified')
    expect(PAGES.verified.html).toBe(PAGES.settings.html)
    expect(pageForPath('/nope')).toBeUndefined()
  })
})
