/**
 * Opens the playground's page that runs the real clerk-js (its headless browser build) against the
 * emulator through `proxyUrl`, and reads `clerk.user` back as plain data for assertions.
 */
import type { JSHandle, Page } from '@playwright/test'
import type { LoadedClerk } from '@clerk/react/types'
import type { ClerkJsGlobals } from '../../../playground/globals'
import { openPlayground } from './playground'

/** `clerk.user`'s addresses as plain data. */
export interface ClerkUserView {
  primaryEmailAddressId: string | null
  emails: { id: string; email: string; status: string | null; strategy: string | null }[]
}

/** A loaded clerk-js on a page, and the page server to close. */
export interface ClerkPage {
  appUrl: string
  clerk: JSHandle<LoadedClerk>
  close(): Promise<void>
}

/** Opens the playground's bare clerk-js page (`clerkJs`) and awaits `Clerk.load()`. */
export async function openClerkPage(page: Page, fapiUrl: string): Promise<ClerkPage> {
  const server = await openPlayground(page, 'clerkJs', { fapi: fapiUrl })
  try {
    const clerk = await page.evaluateHandle(async () => {
      const { Clerk } = window as unknown as ClerkJsGlobals
      await Clerk.load()
      // Loaded now: user, session and client are set.
      return Clerk as LoadedClerk
    })
    return { appUrl: server.url, clerk, close: () => server.close() }
  } catch (error) {
    await server.close()
    throw error
  }
}

/** What clerk-js currently holds as the user's addresses (no request: it reads memory). */
export function userView(clerk: JSHandle<LoadedClerk>): Promise<ClerkUserView | null> {
  return clerk.evaluate((c) =>
    c.user
      ? {
          primaryEmailAddressId: c.user.primaryEmailAddressId,
          emails: c.user.emailAddresses.map((e) => ({
            id: e.id,
            email: e.emailAddress,
            status: e.verification.status,
            strategy: e.verification.strategy,
          })),
        }
      : null,
  )
}
