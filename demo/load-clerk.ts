/**
 * Loads clerk-js's browser build from the page's own origin (`/clerk/`, served by `demo/server.mjs`
 * from `node_modules/@clerk/clerk-js/dist`), configured by script attributes as clerk-js reads them at
 * start-up, and returns the not yet loaded instance for `<ClerkProvider Clerk={…}>`. Without this,
 * `ClerkProvider` would download clerk-js from the key's FAPI host, which the emulator variant fakes.
 * The clerk-js specs' side-by-side page (`test/clerk/app`) loads clerk-js with it too.
 */
import type { BrowserClerk } from '@clerk/react'

export function loadClerkScript(publishableKey: string, proxyUrl: string): Promise<BrowserClerk> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = '/clerk/clerk.browser.js'
    script.dataset.clerkPublishableKey = publishableKey
    script.dataset.clerkProxyUrl = proxyUrl
    script.addEventListener('load', () => {
      const { Clerk } = window as unknown as { Clerk?: BrowserClerk }
      if (Clerk) {
        resolve(Clerk)
      } else {
        reject(new Error('clerk.browser.js did not define window.Clerk'))
      }
    })
    script.addEventListener('error', () => reject(new Error('clerk.browser.js failed to load')))
    document.head.append(script)
  })
}
