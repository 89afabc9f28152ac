/**
 * Every page of the playground in one place: its path, its HTML entry and its query parameters. The
 * pages read their parameters with `readParams`; the e2e and Clerk specs and the browser bench build
 * their URLs with `pageUrl`; the server routes paths to entries with `pageForPath`. Plain JavaScript
 * so Node 20 scripts import it as is; the types (the parameters of each page) are in `routes.d.mts`.
 */

/** `pk_test_` + base64("<FAPI host>$"): a development instance, so clerk-js uses a dev browser. */
export const EMULATOR_PUBLISHABLE_KEY = `pk_test_${btoa('emulator.clerk.accounts.dev$').replace(/=+$/, '')}`

/** The scenes of the bench page, each a `?scene=`. */
export const BENCH_SCENES = ['lifecycle', 'consumers', 'typing', 'list', 'render']

/**
 * Each page: its path, the HTML entry that serves it, and its parameters (`string` or `flag`,
 * required unless `?`-suffixed; an array lists the allowed values).
 */
export const PAGES = {
  settings: { path: '/', html: 'index.html', params: {} },
  verified: { path: '/verified', html: 'index.html', params: { __clerk_status: 'string?' } },
  clerk: { path: '/clerk.html', html: 'clerk.html', params: {} },
  sides: {
    path: '/sides.html',
    html: 'sides.html',
    params: { fapi: 'string', key: 'string?', ui: 'flag?' },
  },
  clerkJs: {
    path: '/clerk-js.html',
    html: 'clerk-js.html',
    params: { fapi: 'string', key: 'string?' },
  },
  userProfile: {
    path: '/user-profile.html',
    html: 'user-profile.html',
    params: { fapi: 'string', key: 'string?' },
  },
  bench: {
    path: '/bench.html',
    html: 'bench.html',
    params: { scene: BENCH_SCENES, fapi: 'string', sid: 'string', verify: 'string?' },
  },
}

/** The page served at `pathname` (trailing slashes ignored), or undefined. */
export function pageForPath(pathname) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  return Object.keys(PAGES).find((name) => PAGES[name].path === path)
}

/** The URL of `page` on the playground at `base`, with its parameters (a flag is `1` when true). */
export function pageUrl(base, page, params = {}) {
  const url = new URL(PAGES[page].path, base)
  for (const [name, value] of Object.entries(params)) {
    if (!(name in PAGES[page].params)) {
      throw new Error(`${page}: no parameter ?${name}=`)
    }
    if (value !== undefined && value !== false) {
      url.searchParams.set(name, value === true ? '1' : String(value))
    }
  }
  return url.href
}

/** Reads `page`'s parameters from a query string; throws on a missing or unknown value. */
export function readParams(page, search = globalThis.location?.search ?? '') {
  const query = new URLSearchParams(search)
  const out = {}
  for (const [name, kind] of Object.entries(PAGES[page].params)) {
    const value = query.get(name)
    const optional = typeof kind === 'string' && kind.endsWith('?')
    if (value === null) {
      if (!optional) {
        throw new Error(`${page}: ?${name}= is missing`)
      }
    } else if (Array.isArray(kind) && !kind.includes(value)) {
      throw new Error(`${page}: ?${name}=${value} is not one of ${kind.join(', ')}`)
    } else {
      out[name] = typeof kind === 'string' && kind.startsWith('flag') ? value === '1' : value
    }
  }
  return out
}
