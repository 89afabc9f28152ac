/**
 * Clerk mode's settings page, inside `<ClerkProvider>`: `EmailAddressManager` on our cache (through
 * `ClerkEmailAddressesProvider`) beside what clerk-js itself holds (`useUser().user.emailAddresses`)
 * and beside Clerk's own prebuilt `<UserProfile/>`, all on the same FAPI, so each change made on one
 * side can be seen arriving on the others. The two variants (clerk-js against the emulator, or a real
 * Clerk instance) differ only in `about` and `signIn`.
 */
import { ClerkFailed, ClerkLoading, Show, UserProfile, useClerk, useUser } from '@clerk/react'
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { EmailAddressManager } from 'react-email-addresses'
import { ClerkEmailAddressesProvider } from 'react-email-addresses/clerk'
import { ModeNav } from '../common/mode-nav'

export interface ClerkSettingsProps {
  queryClient: QueryClient
  /** One line on where FAPI is, under the page title. */
  about: ReactNode
  /** What the signed-out screen offers to sign in with. */
  signIn: ReactNode
}

export function ClerkSettings({ queryClient, about, signIn }: ClerkSettingsProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <header className="demo-header">
        <ModeNav current="clerk" />
        <h1>Account settings (Clerk mode)</h1>
        <p>{about}</p>
        <Show when="signed-in">
          <SignOut />
        </Show>
      </header>
      {/* Our provider, fed by the loaded Clerk instance: its FAPI location, session and dev browser. */}
      <ClerkEmailAddressesProvider
        fallback={
          <main className="demo-page">
            <ClerkLoading>
              <p role="status">Loading Clerk…</p>
            </ClerkLoading>
            <ClerkFailed>
              <p role="alert">
                clerk-js could not load. Is FAPI (the emulator, or your Clerk instance) reachable?
              </p>
            </ClerkFailed>
          </main>
        }
      >
        <Show when="signed-in" fallback={<SignedOut>{signIn}</SignedOut>}>
          <SignedIn />
        </Show>
      </ClerkEmailAddressesProvider>
    </QueryClientProvider>
  )
}

/**
 * Two of Clerk's own touches fail the demo's accessibility check (axe, at every step of `npm run
 * e2e`), so the demo turns them off with Clerk's documented appearance options:
 * - its rows fade in when an address arrives, and mid-fade their text is too faint for a moment;
 * - a development instance (which the emulator is) gets an orange "Secured by Clerk · Development
 *   mode" footer whose text has a contrast of 3.04:1, below the 4.5:1 that WCAG AA asks for.
 */
const CLERK_APPEARANCE = {
  options: { animations: false, unsafe_disableDevelopmentModeWarnings: true },
}

function SignedIn() {
  const title = useRef<HTMLHeadingElement>(null)
  useFocusIfDropped(title)
  return (
    <main className="demo-page demo-columns">
      <section aria-labelledby="drop-in-title" className="demo-card">
        <h2 id="drop-in-title" ref={title} tabIndex={-1}>
          Drop-in component (our cache)
        </h2>
        <EmailAddressManager />
      </section>
      <section aria-labelledby="clerk-user-title" className="demo-card">
        <h2 id="clerk-user-title">clerk-js’s own user (useUser)</h2>
        <ClerkUserEmails />
      </section>
      {/* Clerk's prebuilt UI on the same clerk-js: its email section and ours must always agree. */}
      <section aria-labelledby="clerk-profile-title" className="demo-card demo-wide">
        <h2 id="clerk-profile-title">Clerk’s own &lt;UserProfile/&gt;</h2>
        <UserProfile routing="hash" appearance={CLERK_APPEARANCE} />
      </section>
    </main>
  )
}

/** clerk-js's view, read with Clerk's `useUser`, in the format of the demo's hooks panel. */
function ClerkUserEmails() {
  const { user } = useUser()
  if (!user) {
    return null
  }
  return (
    <ul aria-label="Your email addresses (clerk-js)" data-testid="clerk-user">
      {user.emailAddresses.map((address) => (
        <li key={address.id}>
          {address.emailAddress}
          {address.id === user.primaryEmailAddressId ? ' · primary' : ''}
          {address.verification.status === 'verified' ? ' · verified' : ' · not verified'}
        </li>
      ))}
    </ul>
  )
}

/**
 * Signs out through clerk-js. The callback form keeps clerk-js from navigating to its
 * `afterSignOutUrl`: the page stays, and `<Show>` switches to the signed-out screen.
 */
function SignOut() {
  const clerk = useClerk()
  const [pending, setPending] = useState(false)
  const signOut = () => {
    if (pending) {
      return
    }
    setPending(true)
    void clerk.signOut(() => undefined).finally(() => setPending(false))
  }
  return (
    <button type="button" onClick={signOut} aria-disabled={pending || undefined}>
      Sign out
    </button>
  )
}

function SignedOut({ children }: { children: ReactNode }) {
  const title = useRef<HTMLHeadingElement>(null)
  useFocusIfDropped(title)
  return (
    <main className="demo-page demo-signed-out" data-testid="clerk-signed-out">
      <h2 ref={title} tabIndex={-1}>
        You are signed out
      </h2>
      <p>Sign in to manage your email addresses.</p>
      {children}
    </main>
  )
}

/**
 * Signing in or out swaps the screen and removes the button that had focus; this puts keyboard
 * focus on the new screen's heading instead of leaving it on <body>. Only after the visitor has
 * interacted with the page: on page load, focus stays where the browser puts it.
 */
function useFocusIfDropped(target: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const dropped = document.activeElement === document.body || document.activeElement === null
    if (dropped && navigator.userActivation?.hasBeenActive) {
      target.current?.focus()
    }
  }, [target])
}
