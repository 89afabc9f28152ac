// Where FAPI and BAPI are, and the signed-in session: in a real app these come from Clerk; here,
// from the environment `next start` was given (the emulator the test started).
export function emulatorConfig() {
  const url = process.env.EMULATOR_URL
  const sessionId = process.env.SESSION_ID
  const secretKey = process.env.CLERK_SECRET_KEY
  if (!url || !sessionId || !secretKey) {
    throw new Error('Set EMULATOR_URL, SESSION_ID and CLERK_SECRET_KEY')
  }
  return { url, sessionId, secretKey }
}
