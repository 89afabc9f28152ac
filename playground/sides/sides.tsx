/**
 * The two lists, rendered the same way (`email status [primary]`) so the spec can compare them, and
 * `window.app`: our mutations, for the spec to call.
 */
import { useSession, useUser } from '@clerk/react'
import {
  useAttemptEmailAddressVerification,
  useCreateEmailAddress,
  useDeleteEmailAddress,
  useEmailAddresses,
  usePrepareEmailAddressVerification,
  useSetPrimaryEmailAddress,
} from 'react-email-addresses'
import type { SidesGlobals } from '../globals'

interface Row {
  email: string
  status: string | null
  primary: boolean
}

function Rows({ testId, rows }: { testId: string; rows: Row[] }) {
  return (
    <ul data-testid={testId}>
      {rows.map((row) => (
        <li key={row.email}>
          {`${row.email} ${row.status ?? 'none'}${row.primary ? ' primary' : ''}`}
        </li>
      ))}
    </ul>
  )
}

/** clerk-js's view, through Clerk's own `useUser`. */
export function ClerkSide() {
  const { user } = useUser()
  const rows = (user?.emailAddresses ?? []).map((address) => ({
    email: address.emailAddress,
    status: address.verification.status,
    primary: address.id === user?.primaryEmailAddressId,
  }))
  return <Rows testId="clerk" rows={[...rows].sort((a, b) => a.email.localeCompare(b.email))} />
}

/** Our view, through `useEmailAddresses`; mounted only while signed in. */
export function OurSide() {
  const { isSignedIn } = useSession()
  return isSignedIn ? <OurList /> : <p data-testid="ours-signed-out">signed out</p>
}

function OurList() {
  const { data, error } = useEmailAddresses()
  const create = useCreateEmailAddress()
  const prepare = usePrepareEmailAddressVerification()
  const attempt = useAttemptEmailAddressVerification()
  const setPrimary = useSetPrimaryEmailAddress()
  const remove = useDeleteEmailAddress()
  const app: SidesGlobals['app'] = {
    create: create.mutateAsync,
    prepare: prepare.mutateAsync,
    attempt: attempt.mutateAsync,
    setPrimary: setPrimary.mutateAsync,
    remove: remove.mutateAsync,
  }
  Object.assign(window, { app })
  if (error) {
    return <p data-testid="ours-error">{error.code}</p>
  }
  const rows = (data?.emailAddresses ?? []).map((address) => ({
    email: address.emailAddress,
    status: address.verification?.status ?? null,
    primary: address.id === data?.primaryEmailAddressId,
  }))
  return <Rows testId="ours" rows={[...rows].sort((a, b) => a.email.localeCompare(b.email))} />
}
