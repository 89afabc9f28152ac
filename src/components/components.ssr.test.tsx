import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { EmailAddress } from '../api/types'
import { EmailAddressesProvider } from '../hooks/email-addresses-provider'
import { AddEmailForm } from './add-email-form'
import { EmailAddressManager } from './email-address-manager'
import { EmailLinkLanding, EmailLinkPending } from './email-link'
import {
  EmailList,
  EmailListItem,
  EmailListItemActions,
  EmailListItemAddress,
  EmailListItems,
} from './email-list'
import { PrepareVerification, PrepareVerificationButton } from './prepare-verification-button'
import { Badge } from './ui/badge'
import { Button } from './ui/button'
import { CodeField } from './ui/code-field'
import { Field, FieldControl, FieldError, FieldLabel } from './ui/field'
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
