/**
 * The contract every compound part keeps (issue: "composable the way Radix and shadcn users
 * expect"): one element that takes the app's native props and ref, handlers composed with ours
 * (the app's first; `preventDefault()` stops ours), a clear error outside its root, and `asChild`
 * elements that get the part's label when they bring none.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, type ReactNode, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { AddEmailForm, AddEmailFormInput, AddEmailFormSubmit } from './add-email-form'
import {
  EmailList,
  EmailListItem,
  EmailListItemActions,
  EmailListItemAddress,
  EmailListItemBadges,
  EmailListItemMakePrimary,
  EmailListItemRemove,
  EmailListItems,
} from './email-list'
import { PrepareVerificationExpiry } from './prepare-verification-button'
import { CodeFieldSlot } from './ui/code-field'
import { FieldLabel } from './ui/field'
import {
  VerifyCodeInput,
  VerifyCodeInputCode,
  VerifyCodeInputResend,
  VerifyCodeInputSubmit,
} from './verify-code-input'

const h = setupHarness({
  users: [
    {
      email_addresses: [
        'jane@example.com',
        'work@example.com',
        { email_address: 'new@example.com', verified: false },
      ],
    },
  ],
  settings: { maxAttempts: 1 },
})

function renderIn(ui: ReactNode) {
  const Wrapper = h.wrapper()
  return render(<Wrapper>{ui}</Wrapper>)
}

const row = (email: string) =>
  screen.getAllByRole('listitem').find((item) => item.textContent?.includes(email))!

async function idOf(email: string) {
  return (await h.serverUser()).email_addresses.find((a) => a.email_address === email)!.id
}

/** Sends a code to `email` behind the app's back, as another tab would. */
async function sendCode(email: string) {
  const id = await idOf(email)
  const url = `https://fapi.emulator.test/v1/me/email_addresses/${id}/prepare_verification?_clerk_session_id=${h.emulator.signedIn.sessionId}`
  await h.emulator.fetch(
    new Request(url, { method: 'POST', body: new URLSearchParams({ strategy: 'email_code' }) }),
  )
  return { id, code: h.emulator.latestMessage(email)!.code! }
}

describe('a part outside its root', () => {
  // React logs the error it rethrows; the message is what the app developer reads.
  const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => undefined)

  it.each([
    ['EmailListItemAddress', <EmailListItemAddress key="x" />, 'EmailListItem'],
    ['EmailListItemBadges', <EmailListItemBadges key="x" />, 'EmailListItem'],
    ['EmailListItemRemove', <EmailListItemRemove key="x" />, 'EmailListItem'],
    ['EmailListItems', <EmailListItems key="x" />, 'EmailList'],
    ['AddEmailFormInput', <AddEmailFormInput key="x" />, 'AddEmailForm'],
    ['VerifyCodeInputSubmit', <VerifyCodeInputSubmit key="x" />, 'VerifyCodeInput'],
    ['FieldLabel', <FieldLabel key="x" />, 'Field'],
    ['CodeFieldSlot', <CodeFieldSlot key="x" index={0} />, 'CodeField'],
    ['PrepareVerificationExpiry', <PrepareVerificationExpiry key="x" />, 'PrepareVerification'],
  ])('%s says where it belongs', (name, part, root) => {
    const spy = quiet()
    expect(() => renderIn(part)).toThrow(
      `react-email-addresses: \`${name}\` must be used within \`${root}\`.`,
    )
    spy.mockRestore()
  })
})

describe('EmailListItemActions', () => {
  it('keeps the app’s ref and props while the removal is being confirmed', async () => {
    const ref = createRef<HTMLDivElement>()
    renderIn(
      <EmailList>
        <EmailListItems>
          {(address) => (
            <EmailListItem address={address}>
              <EmailListItemAddress />
              <ActionsWithRef
                actionsRef={address.emailAddress === 'work@example.com' ? ref : null}
              />
            </EmailListItem>
          )}
        </EmailListItems>
      </EmailList>,
    )
    await waitFor(() => expect(ref.current).not.toBeNull())
    const element = ref.current
    expect(element).toHaveClass('app-actions')
    await userEvent.click(within(row('work@example.com')).getByRole('button', { name: 'Remove' }))
    // The confirmation took the buttons' place inside the same element.
    const confirm = within(row('work@example.com')).getByRole('group', { name: 'Remove' })
    expect(ref.current).toBe(element)
    expect(element).toContainElement(confirm)
    expect(element).toHaveClass('app-actions')
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
  })
})

function ActionsWithRef({ actionsRef }: { actionsRef: React.Ref<HTMLDivElement> | null }) {
  return <EmailListItemActions ref={actionsRef ?? undefined} className="app-actions" />
}

describe('handlers are composed, never replaced', () => {
  it('a Make primary click runs the app’s handler and ours, on a button with the app’s props', async () => {
    const seen: string[] = []
    renderIn(
      <EmailList>
        <EmailListItems>
          {(address) => (
            <EmailListItem address={address}>
              <EmailListItemAddress />
              <EmailListItemActions>
                <EmailListItemMakePrimary
                  data-app="yes"
                  onClick={() => seen.push(address.emailAddress)}
                />
              </EmailListItemActions>
            </EmailListItem>
          )}
        </EmailListItems>
      </EmailList>,
    )
    const button = await within(await waitFor(() => row('work@example.com'))).findByRole('button', {
      name: 'Make primary',
    })
    expect(button).toHaveAttribute('data-app', 'yes')
    await userEvent.click(button)
    expect(seen).toEqual(['work@example.com'])
    await waitFor(async () =>
      expect((await h.serverUser()).primary_email_address_id).toBe(await idOf('work@example.com')),
    )
  })

  it('AddEmailForm runs the app’s onSubmit first; preventDefault() stops the add', async () => {
    const onSubmit = vi.fn()
    const onSuccess = vi.fn()
    function Form() {
      const [block, setBlock] = useState(true)
      return (
        <>
          <AddEmailForm
            onSuccess={onSuccess}
            onSubmit={(event) => {
              onSubmit()
              if (block) {
                event.preventDefault()
              }
            }}
          />
          <button type="button" onClick={() => setBlock(false)}>
            Allow
          </button>
        </>
      )
    }
    renderIn(<Form />)
    await userEvent.type(screen.getByLabelText('Email address'), 'extra@example.com')
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    await userEvent.click(screen.getByRole('button', { name: 'Allow' }))
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSubmit).toHaveBeenCalledTimes(2)
    expect(h.requests.filter((r) => /^POST \/v1\/me\/email_addresses\/?$/.test(r))).toHaveLength(1)
  })
})

describe('asChild', () => {
  it('gives a bare child element the part’s label', async () => {
    renderIn(
      <EmailList>
        <EmailListItems>
          {(address) => (
            <EmailListItem address={address}>
              <EmailListItemAddress />
              <EmailListItemActions>
                <EmailListItemRemove asChild>
                  <a href="#remove" />
                </EmailListItemRemove>
              </EmailListItemActions>
            </EmailListItem>
          )}
        </EmailListItems>
      </EmailList>,
    )
    const link = await within(await waitFor(() => row('work@example.com'))).findByRole('link')
    expect(link).toHaveTextContent('Remove')
    expect(link).toHaveAttribute('data-slot', 'rea-button')
  })
})

describe('a controlled add form', () => {
  it('shows the app’s value, not a change the app refused, and adds what it shows', async () => {
    const told: string[] = []
    function Controlled() {
      // The app keeps addresses lower-case.
      const [value, setValue] = useState('')
      return (
        <AddEmailForm
          value={value}
          onValueChange={(next) => {
            told.push(next)
            setValue(next.toLowerCase())
          }}
        >
          <FieldLabel />
          <AddEmailFormInput />
          <AddEmailFormSubmit />
        </AddEmailForm>
      )
    }
    renderIn(<Controlled />)
    const input = screen.getByLabelText('Email address') as HTMLInputElement
    await userEvent.type(input, 'Extra@Example.com')
    // The app was told each raw change ("E" first) and the input shows what the app kept.
    expect(told[0]).toBe('E')
    expect(input.value).toBe('extra@example.com')
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    await waitFor(async () =>
      expect((await h.serverUser()).email_addresses.map((a) => a.email_address)).toContain(
        'extra@example.com',
      ),
    )
  })
})

describe('VerifyCodeInputResend', () => {
  it('is one button; the form announces the new code and takes focus back to the input', async () => {
    const { id, code } = await sendCode('new@example.com')
    renderIn(
      <VerifyCodeInput emailAddressId={id}>
        <FieldLabel />
        <VerifyCodeInputCode />
        <VerifyCodeInputResend data-app="resend" />
      </VerifyCodeInput>,
    )
    const input = screen.getByLabelText('Verification code')
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    await userEvent.type(input, wrong)
    // One wrong code is all this instance allows.
    const resend = await screen.findByRole('button', { name: /Resend/ })
    expect(resend).toHaveAttribute('data-app', 'resend')
    h.emulator.clock.advance(31_000)
    await waitFor(() => expect(resend).toHaveTextContent('Resend code'))
    expect(resend.parentElement).toHaveAttribute('data-slot', 'rea-verify-code-input')
    await userEvent.click(resend)
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('We sent a message to new@example.com.'),
    )
    expect(input).toHaveFocus()
    expect(screen.queryByRole('button', { name: /Resend/ })).not.toBeInTheDocument()
  })
})
