// What an app bundles to show Clerk's own email section: Clerk's React SDK rendering <UserProfile/>.
// By default @clerk/react then fetches clerk-js (`clerk.browser.js`) and Clerk's UI
// (`@clerk/ui`'s `ui.shared.browser.js` + the UserProfile chunks) at run time; .size-limit.cjs measures
// those files too. react and react-dom stay external, as for the library.
import { ClerkProvider, UserProfile } from '@clerk/react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')).render(
  <ClerkProvider publishableKey="pk_test_YmVuY2guY2xlcmsuYWNjb3VudHMuZGV2JA">
    <UserProfile />
  </ClerkProvider>,
)
