import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { emulatorParameters } from '../../.storybook/emulator'
import { NEW_ID, threeAddresses, withUnverified } from '../../.storybook/fixtures'
import { useDeleteEmailAddress } from '../hooks/use-delete-email-address'
import { useEmailAddresses } from '../hooks/use-email-addresses'
import { useSetPrimaryEmailAddress } from '../hooks/use-set-primary-email-address'
import { EmailAddressManager, type EmailAddressManagerStep } from './email-address-manager'
import {
  EmailList,
  EmailListItem,
  EmailListItemActions,
  EmailListItemAddress,
  EmailListItemBadges,
  EmailListItemMakePrimary,
  EmailListItemRemove,
  EmailListItemRemoveConfirm,
  EmailListItems,
} from './email-list'
import { Button } from './ui/button'
import { CodeFieldGroup, CodeFieldSlot } from './ui/code-field'
import { FieldError, FieldLabel } from './ui/field'
import { VerifyCodeInput, VerifyCodeInputCode, VerifyCodeInputSubmit } from './verify-code-input'

/**
 * How an app builds its own UI from the parts and the hooks: the compound components take their
 * parts in any layout, forward refs and native props, and can be controlled; the hooks alone give
 * the same same-render optimistic changes.
 */
const meta = {
  title: 'Composition',
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

function rowOf(canvas: ReturnType<typeof within>, email: string): HTMLElement {
  const row = canvas
    .getAllByRole('listitem')
    .find((item: HTMLElement) => item.textContent?.includes(email))
  if (!row) {
    throw new Error(`no row for ${email}`)
  }
  return row
}

/** A settings-page row of your own: address and badges stacked, your labels on the actions. */
export const CustomRowLayout: Story = {
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
  render: () => (
    <EmailList>
      <EmailListItems style={{ display: 'grid', gap: '0.5rem', padding: 0, listStyle: 'none' }}>
        {(address) => (
          <EmailListItem
            address={address}
            data-testid="custom-row"
            style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}
          >
            <div style={{ display: 'grid', flex: 1 }}>
              <EmailListItemAddress />
              <EmailListItemBadges />
            </div>
            <EmailListItemActions>
              <EmailListItemMakePrimary variant="ghost">Use as primary</EmailListItemMakePrimary>
              <EmailListItemRemove variant="ghost">Delete</EmailListItemRemove>
              <EmailListItemRemoveConfirm />
            </EmailListItemActions>
          </EmailListItem>
        )}
      </EmailListItems>
    </EmailList>
  ),
  play: async ({ canvas, userEvent }) => {
    await waitFor(() => expect(canvas.getAllByTestId('custom-row')).toHaveLength(3))
    const work = within(rowOf(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Use as primary' }))
    await expect(work.getByText('Primary')).toBeVisible()
    await userEvent.click(work.getByRole('button', { name: 'Delete' }))
    await expect(work.getByText(/Remove jane@work.example\?/)).toBeVisible()
    await expect(work.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    // The row's other actions step aside for the confirmation, in this layout too.
    await expect(work.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument()
    await userEvent.click(work.getByRole('button', { name: 'Cancel' }))
    await expect(work.getByRole('button', { name: 'Delete' })).toHaveFocus()
    await expect(canvas.getAllByTestId('custom-row')).toHaveLength(3)
  },
}

/** The code owned by the app (`value` / `onValueChange`), in two groups of three boxes. */
export const ControlledCode: Story = {
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID, { strategy: 'email_code' }),
  }),
  render: function Render() {
    const [code, setCode] = useState('')
    return (
      <>
        <VerifyCodeInput emailAddressId={NEW_ID} value={code} onValueChange={setCode}>
          <FieldLabel>Code from the email</FieldLabel>
          <VerifyCodeInputCode>
            <CodeFieldGroup>
              {[0, 1, 2].map((index) => (
                <CodeFieldSlot key={index} index={index} />
              ))}
            </CodeFieldGroup>
            <span aria-hidden="true">–</span>
            <CodeFieldGroup>
              {[3, 4, 5].map((index) => (
                <CodeFieldSlot key={index} index={index} />
              ))}
            </CodeFieldGroup>
          </VerifyCodeInputCode>
          <FieldError />
          <VerifyCodeInputSubmit />
        </VerifyCodeInput>
        <p>
          The app holds: <output aria-label="Code in the app">{code}</output>{' '}
          <Button onClick={() => setCode('')}>Clear</Button>
        </p>
      </>
    )
  },
  play: async ({ canvas, userEvent, emulator }) => {
    const input = await canvas.findByLabelText('Code from the email')
    await userEvent.click(input)
    await userEvent.paste('１２３') // full-width digits, as some keyboards type them

    await expect(canvas.getByLabelText('Code in the app')).toHaveTextContent('123')
    await userEvent.click(canvas.getByRole('button', { name: 'Clear' }))
    await expect(input).toHaveValue('')
    await userEvent.type(input, emulator.latestMessage('new@example.com')!.code!)
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
  },
}

/** A list built on the hooks alone: removal and make-primary show in the render of the click. */
function HeadlessList() {
  const { data } = useEmailAddresses()
  const remove = useDeleteEmailAddress()
  const setPrimary = useSetPrimaryEmailAddress()
  return (
    <ul aria-label="My addresses">
      {data?.emailAddresses.map((address) => (
        <li key={address.id}>
          {address.emailAddress}
          {address.id === data.primaryEmailAddressId ? ' (primary)' : ''}{' '}
          {address.verification?.status === 'verified' &&
            address.id !== data.primaryEmailAddressId && (
              <button type="button" onClick={() => setPrimary.mutate({ id: address.id })}>
                Primary: {address.emailAddress}
              </button>
            )}{' '}
          <button type="button" onClick={() => remove.mutate({ id: address.id })}>
            Remove {address.emailAddress}
          </button>
        </li>
      ))}
    </ul>
  )
}

export const HeadlessSameRender: Story = {
  parameters: emulatorParameters({
    seed: threeAddresses,
    // The server answers slowly: anything on screen before then is the hooks' optimistic change.
    faults: [{ method: 'DELETE', path: '/v1/me/email_addresses/*', delayMs: 400 }],
  }),
  render: () => <HeadlessList />,
  play: async ({ canvas, userEvent, storyEmulator }) => {
    const serverAddresses = async () => {
      const answer = (await (await storyEmulator.request('GET', '/v1/me')).json()) as {
        response: { email_addresses: unknown[] }
      }
      return answer.response.email_addresses.length
    }
    const list = await canvas.findByRole('list', { name: 'My addresses' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    await userEvent.click(canvas.getByRole('button', { name: 'Remove jane@work.example' }))
    // Gone from the screen while the server still has it: the hooks' optimistic change.
    await expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    await expect(await serverAddresses()).toBe(3)
    await waitFor(async () => expect(await serverAddresses()).toBe(2))
    await expect(within(list).getAllByRole('listitem')).toHaveLength(2)
  },
}

/** The manager's step owned by the app: a button elsewhere on the page opens its add form. */
export const ControlledManagerStep: Story = {
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
  render: function Render() {
    const [step, setStep] = useState<EmailAddressManagerStep>({ step: 'list' })
    return (
      <>
        <Button variant="primary" onClick={() => setStep({ step: 'add' })}>
          New email (page header)
        </Button>
        <p>
          Step: <output aria-label="Manager step">{step.step}</output>
        </p>
        <EmailAddressManager step={step} onStepChange={setStep} />
      </>
    )
  },
  play: async ({ canvas, userEvent }) => {
    await canvas.findAllByRole('listitem')
    await userEvent.click(canvas.getByRole('button', { name: 'New email (page header)' }))
    await expect(await canvas.findByLabelText('Email address')).toHaveFocus()
    await expect(canvas.getByLabelText('Manager step')).toHaveTextContent('add')
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(canvas.getByLabelText('Manager step')).toHaveTextContent('list')
  },
}
