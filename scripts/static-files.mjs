/**
 * The small static-file serving that the demo, the clerk-js specs and the browser benchmark share:
 * content types, and a file from a folder that never leaves it. Plain JavaScript so Node 20 scripts
 * import it as is (types in `static-files.d.mts` for the TypeScript tests).
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, extname, join, normalize, sep } from 'node:path'

/** Content types of the files these servers send. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * clerk-js's browser build folder (`clerk.browser.js` and the lazy chunks it loads from beside
 * itself). The package's `exports` hide it; its CommonJS main resolves to the same folder.
 */
export const clerkJsDist = dirname(createRequire(import.meta.url).resolve('@clerk/clerk-js'))

/**
 * Clerk's prebuilt UI, `@clerk/ui`'s folder of browser builds (`ui.browser.js` and the chunks it
 * loads from beside itself; it sets `window.__internal_ClerkUICtor`). Its main entry sits in it.
 */
export const clerkUiDist = dirname(createRequire(import.meta.url).resolve('@clerk/ui'))

/**
 * Sends `relative` from `base` with its content type, or 404 when it is missing or would leave `base`.
 * `relative` is used undecoded: the URL parser already resolved `..` (also as `%2e%2e`), and the
 * files served need no escapes, so a malformed escape simply finds no file.
 */
export function sendFile(res, base, relative) {
  const file = normalize(join(base, relative))
  if (!file.startsWith(base + sep)) {
    res.writeHead(404).end()
    return
  }
  readFile(file).then(
    (body) =>
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body),
    () => res.writeHead(404).end(),
  )
}
