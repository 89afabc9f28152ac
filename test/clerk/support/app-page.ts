/**
 * The side-by-side page (the playground's `sides`): opening it against an emulator, what it exposes
 * on `window`, and its two lists.
 */
import type { Page } from '@playwright/test'
import type { SidesGlobals } from '../../../playground/globals'
import { openPlayground } from './playground'

/** What the page exposes: our mutations (`app`), the query cache, and clerk-js (`Clerk`). */
export type PageGlobals = SidesGlobals

/**
 * Serves the built playground and opens the side-by-side page against `fapiUrl` (`ui`: with Clerk's
 * prebuilt UI loaded); close the returned server.
 */
export async function openApp(page: Page, fapiUrl: string, { ui = false } = {}) {
  return openPlayground(page, 'sides', { fapi: fapiUrl, ui })
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
