/**
 * Fixtures for the clerk-js specs: a fresh emulator over real HTTP per test, the requests the page
 * sent it (as FAPI sees them: logical method, path), and a page where clerk-js does not think it runs
 * under automation. Every server is bound to 127.0.0.1 and closed when the test ends.
 */
import { test as base, type Page } from '@playwright/test'
import { type EmulatorServer, startEmulatorServer } from '../../../src/testing/node'

/** One request the page sent to the emulator. */
export interface SeenRequest {
  /** The logical method: `_method` when present (PROTOCOL §1.4), else the HTTP method. */
  method: string
  /** Path without the query, e.g. `/v1/me/email_addresses/idn_1/prepare_verification`. */
  path: string
  query: URLSearchParams
}

interface Fixtures {
  fapi: EmulatorServer
  /** Everything the page sent to FAPI so far (control routes excluded). */
  requests: SeenRequest[]
}

/** `requests` filtered to FAPI calls other than session upkeep, which runs on its own timer. */
export function apiCalls(requests: SeenRequest[]): string[] {
  return requests
    .filter((r) => !/\/client\/sessions\/[^/]+\/(tokens|touch)$/.test(r.path))
    .map((r) => `${r.method} ${r.path}`)
}

// The fixture callback is named `provide`, not Playwright's usual `use`, which React's hook lint rule mistakes for `React.use`.
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  fapi: async ({}, provide) => {
    const server = await startEmulatorServer({ port: 0 })
    await provide(server)
    await server.close()
  },
  requests: async ({ page, fapi }, provide) => {
    const seen: SeenRequest[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.origin !== fapi.url || url.pathname.startsWith('/__emulator')) {
        return
      }
      const method = url.searchParams.get('_method') ?? request.method()
      seen.push({ method, path: url.pathname, query: url.searchParams })
    })
    await provide(seen)
  },
  page: async ({ page }, provide) => {
    // Belt and braces with --disable-blink-features=AutomationControlled (TOOLCHAIN G1b).
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })
    })
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
    await provide(page)
  },
})

export { expect } from '@playwright/test'
export type { Page }
