/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The emulator's origin, defined by `demo/server.mjs`. */
  readonly VITE_EMULATOR_URL?: string
}
