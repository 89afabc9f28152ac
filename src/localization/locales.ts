/**
 * `react-email-addresses/locales`: every bundled translation. Kept out of the main entry so an app
 * pays only for the languages it imports (English, the default, is in the main entry as `enUS`).
 *
 * @example
 * import { deDE } from 'react-email-addresses/locales'
 * <EmailAddressesProvider proxyUrl={proxyUrl} sessionId={sessionId} localization={deDE}>…
 */
export { deDE } from './de-de'
export { enUS } from './en-us'
