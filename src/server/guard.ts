/**
 * A secret key in a browser bundle gives every visitor full admin rights over the instance, so the client
 * refuses to start where it would leak, before any request carries the key. Messages never echo the key.
 */

/** The message of every refusal to run in a browser. */
export const BROWSER_REFUSAL =
  'react-email-addresses/server must not be bundled for browsers: it sends your Clerk secret key, which ' +
  'would then be readable by every visitor. Import it only from server code (route handlers, server ' +
  'actions, scripts, test set-up), and use `react-email-addresses` in the browser.'

/** Throws unless `secretKey` looks like a Clerk secret key (`sk_test_…` or `sk_live_…`). */
export function assertSecretKey(secretKey: unknown): asserts secretKey is string {
  if (typeof secretKey !== 'string' || secretKey.trim() === '') {
    throw new Error(
      'createBackendClient: `secretKey` is missing. Pass your Clerk secret key (sk_test_… or sk_live_…), ' +
        'e.g. from process.env.CLERK_SECRET_KEY.',
    )
  }
  if (/^pk_(test|live)_/.test(secretKey)) {
    throw new Error(
      'createBackendClient: `secretKey` is a publishable key (pk_…). The Backend API needs the secret key ' +
        '(sk_test_… or sk_live_…) from the API keys page of the Clerk dashboard; the publishable key ' +
        'belongs to the browser (`react-email-addresses`).',
    )
  }
  if (!/^sk_(test|live)_\S+$/.test(secretKey)) {
    throw new Error(
      'createBackendClient: `secretKey` is not a Clerk secret key. Expected sk_test_… or sk_live_….',
    )
  }
}

/** Throws when running in a browser (both `window` and `document` exist), unless explicitly allowed. */
export function assertNotBrowser(dangerouslyAllowBrowser: boolean | undefined): void {
  const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined'
  if (inBrowser && dangerouslyAllowBrowser !== true) {
    throw new Error(
      `${BROWSER_REFUSAL} If this is a test under jsdom or happy-dom with a test key, pass ` +
        '`dangerouslyAllowBrowser: true`.',
    )
  }
}
