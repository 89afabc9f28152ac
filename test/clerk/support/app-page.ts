/**
 * The side-by-side page (test/clerk/app, built once by the global setup): opening it against an
 * emulator, what it exposes on `window`, and its two lists.
 */
import type { Page } from '@playwright/test'
import type { LoadedClerk } from '@clerk/react/types'
import type { QueryClient } from '@tanstack/react-query'
import { PUBLISHABLE_KEY } from './fixtures'
import { startPageServer } from './page-server'

/** What the page exposes: our mutations (`app`), the query cache, and clerk-js (`Clerk`). */
export interface PageGlobals {
  app: {
    create(v: { emailAddress: string }): Promise<{ emailAddress: { id: string } }>
    prepare(v: { id: string; strategy: 'email_code' }): Promise<unknown>
    attempt(v: { id: string; code: string }): Promise<unknown>
    setPrimary(v: { id: string }): Promise<unknown>
    remove(v: { id: string }): Promise<unknown>
  }
  queryClient: QueryClient
  Clerk: LoadedClerk
}

/**
 * Serves the built page and opens it against `fapiUrl` (`ui`: with Clerk's prebuilt UI loaded);
 * close the returned server.
 */
export async function openApp(page: Page, fapiUrl: string, { ui = false } = {}) {
  const root = process.env.CLERK_APP_DIR
  if (!root) {
    throw new Error('CLERK_APP_DIR is unset: run with -c test/clerk/playwright.config.ts')
  }
  const server = await startPageServer({ root })
  const query = new URLSearchParams({ fapi: fapiUrl, key: PUBLISHABLE_KEY, ...(ui && { ui: '1' }) })
  await page.goto(`${server.url}/?${query}`)
  return server
}

/** clerk-js's list (`useUser`), as `email status [primary]`. */
export const clerkRows = (page: Page) => page.getByTestId('clerk').locator('li')
/** Our list (`useEmailAddresses`), in the same format. */
export const ourRows = (page: Page) => page.getByTestId('ours').locator('li')

/** How many of our queries hold data, and under which session ids. */
export function cachedSessions(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    (window as unknown as PageGlobals).queryClient
      .getQueryCache()
      .findAll({ queryKey: ['react-email-addresses'] })
      .filter((q) => q.state.data !== undefined)
      .map((q) => q.queryKey[2]),
  )
}
