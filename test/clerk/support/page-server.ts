/**
 * The "app" origin for the clerk-js specs: a tiny static server on 127.0.0.1 that serves clerk-js's own
 * `dist/` under `/clerk/` and Clerk's prebuilt UI (`@clerk/ui`'s `dist/`) under `/clerk-ui/` (both
 * find their lazy chunks from the script's URL), and either one HTML page or a built app. Any other
 * path is a blank page, where an email link's `redirect_url` lands.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { clerkJsDist, clerkUiDist, sendFile, TYPES } from '../../../scripts/static-files.mjs'

/** A running page server. */
export interface PageServer {
  url: string
  close(): Promise<void>
}

/** What to serve at `/`: an HTML string, or a built app's folder (its `index.html` and assets). */
export type PageSource = { html: string } | { root: string }

/** The HTML of a page that loads clerk-js with a publishable key and a `proxyUrl` (PROTOCOL §1.12). */
export function clerkPageHtml(publishableKey: string, proxyUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>clerk-js</title></head><body>
<script src="/clerk/clerk.browser.js" data-clerk-publishable-key="${publishableKey}" data-clerk-proxy-url="${proxyUrl}"></script>
</body></html>`
}

/**
 * A page with clerk-js and Clerk's prebuilt UI, both from this origin, that mounts Clerk's own
 * `<UserProfile/>` (TOOLCHAIN.md, "Clerk's prebuilt UI"). `window.mounted` settles once it is
 * mounted, or rejects with what went wrong. Telemetry is off: nothing may leave the machine.
 */
export function userProfilePageHtml(publishableKey: string, proxyUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clerk UserProfile</title></head><body>
<main id="profile"></main>
<script src="/clerk/clerk.browser.js" data-clerk-publishable-key="${publishableKey}" data-clerk-proxy-url="${proxyUrl}"></script>
<script src="/clerk-ui/ui.browser.js"></script>
<script>
window.mounted = (async () => {
  await window.Clerk.load({ ui: { ClerkUI: window.__internal_ClerkUICtor }, telemetry: false })
  window.Clerk.mountUserProfile(document.getElementById('profile'))
})()
</script>
</body></html>`
}

/** Starts the server on a free port of 127.0.0.1. */
export function startPageServer(source: PageSource): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (path.startsWith('/clerk/')) {
      sendFile(res, clerkJsDist, path.slice('/clerk/'.length))
    } else if (path.startsWith('/clerk-ui/')) {
      sendFile(res, clerkUiDist, path.slice('/clerk-ui/'.length))
    } else if ('root' in source && (path === '/' || path.startsWith('/assets/'))) {
      sendFile(res, source.root, path === '/' ? 'index.html' : path.slice(1))
    } else if (path === '/' && 'html' in source) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(source.html)
    } else {
      res
        .writeHead(200, { 'content-type': TYPES['.html'] })
        .end('<!doctype html><title>landing</title>')
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
