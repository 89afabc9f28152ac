/**
 * Loads clerk-js's browser build from the page's own origin (`/clerk/`, served by the playground's
 * server from `node_modules/@clerk/clerk-js/dist`), configured by script attributes as clerk-js reads
 * them at start-up, and returns the not yet loaded instance (for `<ClerkProvider Clerk={…}>` or a
 * direct `Clerk.load()`). Without this, `ClerkProvider` would download clerk-js from the key's FAPI
 * host, which the emulator fakes. `loadClerkUi` does the same for Clerk's prebuilt UI (`@clerk/ui`'s
 * browser build under `/clerk-ui/`), so `<UserProfile/>` needs no CDN either.
 */
import type { BrowserClerk } from '@clerk/react'
import type { ClerkUIConstructor } from '@clerk/react/types'

function loadScript(src: string, configure?: (script: HTMLScriptElement) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    configure?.(script)
    script.addEventListener('load', () => resolve())
    script.addEventListener('error', () => reject(new Error(`${src} failed to load`)))
    document.head.append(script)
  })
}

export async function loadClerkScript(
  publishableKey: string,
  proxyUrl: string,
): Promise<BrowserClerk> {
  await loadScript('/clerk/clerk.browser.js', (script) => {
    script.dataset.clerkPublishableKey = publishableKey
    script.dataset.clerkProxyUrl = proxyUrl
  })
  const { Clerk } = window as unknown as { Clerk?: BrowserClerk }
  if (!Clerk) {
    throw new Error('clerk.browser.js did not define window.Clerk')
  }
  return Clerk
}

/** Loads `@clerk/ui`'s browser build (it finds its chunks beside itself) and returns its constructor. */
export async function loadClerkUi(): Promise<ClerkUIConstructor> {
  await loadScript('/clerk-ui/ui.browser.js')
  const { __internal_ClerkUICtor: ClerkUI } = window as unknown as {
    __internal_ClerkUICtor?: ClerkUIConstructor
  }
  if (!ClerkUI) {
    throw new Error('ui.browser.js did not define window.__internal_ClerkUICtor')
  }
  return ClerkUI
}
