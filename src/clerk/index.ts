/**
 * `react-email-addresses/clerk`: use the hooks and components inside an app that already runs Clerk's
 * React SDK (`@clerk/react`, an optional peer dependency imported only from this entry).
 */
export {
  ClerkEmailAddressesProvider,
  type ClerkEmailAddressesProviderProps,
} from './clerk-email-addresses-provider'
export { createClerkFetch } from './clerk-fetch'
export {
  devBrowserTokenOf,
  fapiLocationOf,
  openClerkReverification,
  pushClientToClerk,
} from './clerk-instance'
export { clientSnapshotOf } from './clerk-fetch'
export { userFromClerk } from './to-user'
