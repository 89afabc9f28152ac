import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createFapiClient } from '../api/fapi-client'
import type { EmailAddress, User } from '../api/types'
import { emailAddressQueries } from '../hooks/email-address-queries'
import { EmailAddressesProvider } from '../hooks/email-addresses-provider'
import { AddEmailForm } from './add-email-form'
import { EmailAddressManager } from './email-address-manager'
import { EmailLinkLanding, EmailLinkPending } from './email-link'
import {
  EmailList,
  EmailListItem,
  EmailListItemActions,
  EmailListItemAddress,
  EmailListItemBadges,
  EmailListItems,
} from './email-list'
import { PrepareVerification, PrepareVerificationButton } from './prepare-verification-button'
import { Badge } from './ui/badge'
import { Button } from './ui/button'
import { CodeField } from './ui/code-field'
import { Field, FieldControl, FieldDescription, FieldError, FieldLabel } from './ui/field'
import { VerifyCodeInput } from './verify-code-input'

const address: EmailAddress = {
  id: 'idn_1',
  emailAddress: 'jane@example.com',
  reserved: false,
  verification: null,
  linkedTo: [],
  matchesSsoConnection: false,
  createdAt: 0,
  updatedAt: 0,
}

const components = {
  EmailAddressManager: <EmailAddressManager />,
  EmailList: <EmailList />,
  'EmailList with parts': (
    <EmailList>
      <EmailListItems>
        {(item) => (
          <EmailListItem address={item}>
            <EmailListItemAddress />
            <EmailListItemActions />
          </EmailListItem>
        )}
      </EmailListItems>
    </EmailList>
  ),
  AddEmailForm: <AddEmailForm onCancel={() => undefined} />,
  VerifyCodeInput: <VerifyCodeInput emailAddressId="idn_1" />,
  PrepareVerification: <PrepareVerification emailAddressId="idn_1" />,
  PrepareVerificationButton: <PrepareVerificationButton emailAddressId="idn_1" />,
  EmailLinkPending: <EmailLinkPending emailAddress={address} strategy="email_link" />,
  EmailLinkLanding: <EmailLinkLanding />,
  Button: <Button>Go</Button>,
  Badge: <Badge>New</Badge>,
  CodeField: <CodeField length={6} value="12" onChange={() => undefined} aria-label="Code" />,
  Field: (
    <Field invalid>
      <FieldLabel>Email</FieldLabel>
      <FieldControl>
        <input />
      </FieldControl>
      <FieldError>Wrong</FieldError>
    </Field>
  ),
}

describe('server rendering', () => {
  it.each(Object.entries(components))(
    'renders %s in Node, without window, document or storage, and sends nothing',
    (_name, element) => {
      expect(typeof window).toBe('undefined')
      expect(typeof document).toBe('undefined')
      let requests = 0
      const html = renderToString(
        <EmailAddressesProvider
          frontendApi="clerk.example.com"
          sessionId="sess_1"
          fetch={async () => {
            requests += 1
            return new Response('{}')
          }}
        >
          {element}
        </EmailAddressesProvider>,
      )
      expect(html).toMatch(/^</)
      expect(requests).toBe(0)
    },
  )

  it('shows the landing page’s unknown state until the page’s own address is read', () => {
    const html = renderToString(<EmailLinkLanding />)
    expect(html).toContain('data-state="unknown"')
  })
})

const verified: EmailAddress['verification'] = {
  status: 'verified',
  strategy: 'email_code',
  attempts: null,
  expireAt: null,
  verifiedAtClient: null,
  externalVerificationRedirectUrl: null,
  error: null,
}

/** A user as a server prefetch leaves it in the cache: primary, verified, and one with a code out. */
const user: User = {
  id: 'user_1',
  primaryEmailAddressId: 'idn_1',
  emailAddresses: [
    {
      ...address,
      verification: verified,
    },
    {
      ...address,
      id: 'idn_2',
      emailAddress: 'work@example.com',
      createdAt: 1,
      verification: verified,
    },
    {
      ...address,
      id: 'idn_3',
      emailAddress: 'new@example.com',
      createdAt: 2,
      verification: {
        status: 'unverified',
        strategy: 'email_code',
        attempts: 0,
        expireAt: 600_000,
        verifiedAtClient: null,
        externalVerificationRedirectUrl: null,
        error: null,
      },
    },
  ],
  username: null,
  firstName: 'Jane',
  lastName: null,
  imageUrl: null,
  createdAt: 0,
  updatedAt: 0,
}

describe('server rendering with the user prefetched', () => {
  function renderWithUser(element: React.ReactElement) {
    let requests = 0
    const fetch = async () => {
      requests += 1
      return new Response('{}')
    }
    const client = createFapiClient({
      frontendApi: 'clerk.example.com',
      sessionId: 'sess_1',
      fetch,
    })
    const queryClient = new QueryClient()
    queryClient.setQueryData(emailAddressQueries.me(client).queryKey, user)
    const html = renderToString(
      <EmailAddressesProvider client={client} queryClient={queryClient}>
        {element}
      </EmailAddressesProvider>,
    )
    return { html, requests }
  }

  it('renders every row with its badges and actions, in order, and sends nothing', () => {
    const { html, requests } = renderWithUser(<EmailAddressManager />)
    expect(requests).toBe(0)
    const rows = [...html.matchAll(/data-slot="rea-email-list-item-address"[^>]*>([^<]+)</g)]
    expect(rows.map((match) => match[1])).toEqual([
      'jane@example.com',
      'work@example.com',
      'new@example.com',
    ])
    for (const text of ['Primary', 'Verified', 'Unverified', 'Make primary', 'Remove']) {
      expect(html).toContain(`>${text}<`)
    }
  })

  it('renders on a relative proxyUrl (resolved only when a request is sent), under the browser’s key', () => {
    const client = createFapiClient({ proxyUrl: '/__clerk', sessionId: 'sess_1' })
    expect(client.baseUrl).toBe('/__clerk/v1')
    const queryClient = new QueryClient()
    queryClient.setQueryData(emailAddressQueries.me(client).queryKey, user)
    const html = renderToString(
      <EmailAddressesProvider proxyUrl="/__clerk" sessionId="sess_1" queryClient={queryClient}>
        <EmailList />
      </EmailAddressesProvider>,
    )
    expect(html).toContain('work@example.com')
  })

  it('renders the parts an app lays out: badges, an open confirmation, the code with its boxes and description', () => {
    const { html, requests } = renderWithUser(
      <>
        <EmailList>
          <EmailListItems>
            {(item) => (
              <EmailListItem address={item} defaultRemoveOpen={item.id === 'idn_2'}>
                <EmailListItemAddress />
                <EmailListItemBadges />
                <EmailListItemActions />
              </EmailListItem>
            )}
          </EmailListItems>
        </EmailList>
        <VerifyCodeInput emailAddressId="idn_3">
          <FieldLabel />
          <FieldDescription />
        </VerifyCodeInput>
        <CodeField length={6} value="12" onChange={() => undefined} aria-label="Code" />
      </>,
    )
    expect(requests).toBe(0)
    expect(html).toContain('Remove work@example.com?')
    expect(html).toContain('Enter the code we sent to new@example.com.')
    expect(html.match(/data-slot="rea-code-field-slot"/g)).toHaveLength(6)
  })
})
