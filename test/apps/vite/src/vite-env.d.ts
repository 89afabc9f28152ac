interface ImportMetaEnv {
  /** The emulator's URL, from the test run (`react-email-addresses-emulator --port 0`). */
  readonly VITE_EMULATOR_URL: string
  /** The session the emulator signed in (`--session-id`). */
  readonly VITE_SESSION_ID: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
