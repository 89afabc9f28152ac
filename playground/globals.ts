/**
 * What the pages that specs drive put on `window`, typed once for the page that sets it and the spec
 * that reads it (`page.evaluate(() => (window as unknown as SidesGlobals).app…)`).
 */
import type { BrowserClerk, LoadedClerk } from '@clerk/react/types'
import type { QueryClient } from '@tanstack/react-query'

/** Every spec-driven page: `ready` settles once the page can be driven, or rejects with why not. */
export interface PageGlobals {
  ready: Promise<void>
}

/** The side-by-side page: our mutations (`app`), our query cache, and clerk-js (`Clerk`). */
export interface SidesGlobals extends PageGlobals {
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

/** The bare clerk-js page: `Clerk` is there once `ready` settles, not loaded yet (`Clerk.load()`). */
export interface ClerkJsGlobals extends PageGlobals {
  Clerk: BrowserClerk
}

/** The `<UserProfile/>` page: `ready` settles once Clerk's UI is mounted. */
export type UserProfileGlobals = PageGlobals
