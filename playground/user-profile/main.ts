/**
 * Clerk's own `<UserProfile/>` (`/user-profile.html`): clerk-js and Clerk's prebuilt UI, both from this
 * origin (TOOLCHAIN.md, "Clerk's prebuilt UI"), against the emulator at `?fapi=`, mounted by clerk-js
 * itself with no React of ours. `window.ready` settles once it is mounted, or rejects with what went
 * wrong. Telemetry is off: nothing may leave the machine.
 */
import type { UserProfileGlobals } from '../globals'
import { EMULATOR_PUBLISHABLE_KEY, readParams } from '../routes.mjs'
import { loadClerkScript, loadClerkUi } from '../common/load-clerk'
import { rootElement } from '../common/root'

const { fapi, key = EMULATOR_PUBLISHABLE_KEY } = readParams('userProfile')

async function mount() {
  const [clerk, ClerkUI] = await Promise.all([loadClerkScript(key, fapi), loadClerkUi()])
  await clerk.load({ ui: { ClerkUI }, telemetry: false })
  clerk.mountUserProfile(rootElement())
}

const globals: UserProfileGlobals = { ready: mount() }
Object.assign(window, globals)
