/**
 * Clerk's own `<UserProfile/>` (from `@clerk/ui`) mounted against the emulator, with the machine
 * sealed: every request to anything but loopback is aborted and recorded, every console error and
 * page error is kept, and every answer the emulator gave is noted, so a spec can assert that nothing
 * left the machine and that nothing went wrong besides the 4xx answers it provoked.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test'
import { openPlayground } from './playground'

/** What the page did that a spec asserts on. */
export interface Seal {
  /** Requests to a non-loopback host: aborted, never sent. */
  outside: string[]
  /** Console errors and uncaught page errors, except the browser's line for a 4xx answer. */
  errors: string[]
  /** The browser's "Failed to load resource … status of 4xx" lines (one per provoked 4xx). */
  expected4xx: string[]
  /** `STATUS METHOD /path` of every emulator answer (logical method, no query). */
  answers: string[]
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])
const FAILED_4XX = /^Failed to load resource: the server responded with a status of 4\d\d\b/

/** Aborts and records every non-loopback request of the context (all its pages, workers included). */
export async function sealContext(context: BrowserContext, seal: Seal): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (LOOPBACK.has(url.hostname)) {
      return route.continue()
    }
    seal.outside.push(url.href)
    return route.abort('blockedbyclient')
  })
}

/** Records a page's console errors, page errors and the emulator's answers into `seal`. */
export function watchPage(page: Page, fapiUrl: string, seal: Seal): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') {
      return
    }
    const text = message.text()
    ;(FAILED_4XX.test(text) ? seal.expected4xx : seal.errors).push(text)
  })
  page.on('pageerror', (error) => seal.errors.push(`[page error] ${error.message}`))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.origin === fapiUrl && !url.pathname.startsWith('/__emulator')) {
      const method = url.searchParams.get('_method') ?? response.request().method()
      seal.answers.push(`${response.status()} ${method} ${url.pathname}`)
    }
  })
}

/** A mounted `<UserProfile/>` and its page server. */
export interface UserProfilePage {
  seal: Seal
  /** The "Email addresses" section of the profile. */
  emails: Locator
  close(): Promise<void>
}

/**
 * Seals the context, opens the playground's `userProfile` page and waits until `<UserProfile/>` is
 * mounted.
 */
export async function openUserProfile(page: Page, fapiUrl: string): Promise<UserProfilePage> {
  const seal: Seal = { outside: [], errors: [], expected4xx: [], answers: [] }
  await sealContext(page.context(), seal)
  watchPage(page, fapiUrl, seal)
  const server = await openPlayground(page, 'userProfile', { fapi: fapiUrl })
  const emails = page.locator('.cl-profileSection__emailAddresses')
  try {
    await emails.getByRole('button', { name: 'Add email address' }).waitFor()
  } catch (error) {
    await server.close()
    throw error
  }
  return { seal, emails, close: () => server.close() }
}

/** The row of one address in the section (its text, badges and menu). */
export function row(emails: Locator, address: string): Locator {
  return emails.locator('.cl-profileSectionItem__emailAddresses').filter({ hasText: address })
}
