/**
 * What `react-email-addresses/server` resolves to under the `browser` export condition. The server
 * entry sends a secret key, so a browser bundle that includes it fails the moment it loads, with a
 * message that says why, instead of quietly publishing the key. It exports the same names as the
 * server entry so bundlers accept the import and the message below is what the developer sees.
 *
 * The build puts `import 'server-only'` at the top of the emitted file (vite.config.ts), so a client
 * bundle already fails when it is built: Next.js reports "'server-only' cannot be imported from a
 * Client Component module" with the import trace; Vite, webpack and esbuild cannot resolve it.
 */
import { BROWSER_REFUSAL } from './guard'

export { BackendApiError, isBackendApiError } from './errors'
export { DEFAULT_RETRY_CONFIG, DEFAULT_TIMEOUT_MS } from './retry'

/** Not available in browsers: always throws. Use it from server code only. */
export function createBackendClient(): never {
  throw new Error(BROWSER_REFUSAL)
}

// Last, so the exports above exist for bundlers that check them; the import itself is what fails.
throw new Error(BROWSER_REFUSAL)
