// The same <UserProfile/> page with clerk-js bundled from its npm build (`Clerk` prop) instead of
// fetched from Clerk's CDN. esbuild inlines clerk-js's lazy imports, so this is its whole npm build.
import { Clerk } from '@clerk/clerk-js'
import { ClerkProvider, UserProfile } from '@clerk/react'
import { createRoot } from 'react-dom/client'

const publishableKey = 'pk_test_YmVuY2guY2xlcmsuYWNjb3VudHMuZGV2JA'
createRoot(document.getElementById('root')).render(
  <ClerkProvider publishableKey={publishableKey} Clerk={new Clerk(publishableKey)}>
    <UserProfile />
  </ClerkProvider>,
)
