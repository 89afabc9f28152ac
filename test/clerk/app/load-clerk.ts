/**
 * Loads clerk-js's browser build from the page's own origin (`/clerk/`), configured by script
 * attributes as clerk-js reads them at start-up (PROTOCOL §1.12), and returns the unloaded instance.
 */
import type { BrowserClerk } from '@clerk/react/types'

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
