/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The emulator's origin, defined by `playground/server.mjs` ('' in builds without one). */
  readonly VITE_EMULATOR_URL?: string
  /**
   * A real Clerk instance's publishable key for Clerk mode, from the environment of `npm run demo`
   * (defined by `playground/server.mjs`); '' when unset, and Clerk mode then uses the emulator.
   */
  readonly VITE_CLERK_PUBLISHABLE_KEY?: string
}
