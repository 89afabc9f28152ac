/**
 * clerk-js alone (`/clerk-js.html`): its browser build from this origin with a publishable key and
 * `proxyUrl` (PROTOCOL §1.12), not loaded yet. The Clerk specs and the bench call `Clerk.load()` and
 * its resource methods on `window.Clerk` once `window.ready` settles.
 */
import type { ClerkJsGlobals } from '../globals'
import { EMULATOR_PUBLISHABLE_KEY, readParams } from '../routes.mjs'
import { loadClerkScript } from '../common/load-clerk'

const { fapi, key = EMULATOR_PUBLISHABLE_KEY } = readParams('clerkJs')

const globals: Partial<ClerkJsGlobals> = {
  ready: loadClerkScript(key, fapi).then(() => undefined),
}
Object.assign(window, globals)
