import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { emulatorParameters } from '../../../.storybook/emulator'
import {
  neverLoads,
  noAddresses,
  serverDown,
  NEW_ID,
  linkedAddresses,
  threeAddresses,
  withSettings,
  withUnverified,
} from '../../../.storybook/fixtures'
import { waitForCode, wrongCode } from '../../../.storybook/play'
import { seeds } from '../../testing/index'
import { EmailAddressManager } from './email-address-manager'

const meta = {
  title: 'Email addresses/EmailAddressManager',
  component: EmailAddressManager,
  tags: ['autodocs'],
  args: { onVerified: fn() },
  parameters: emulatorParameters({ seed: seeds.default }),
} satisfies Meta<typeof EmailAddressManager>

export default meta
type Story = StoryObj<typeof meta>
type Canvas = ReturnType<typeof within>

/** A list row by its address. */
function row(canvas: Canvas, email: string): HTMLElement {
  const item = canvas
    .getAllByRole('listitem')
    .find(
      (li: HTMLElement) =>
        li.querySelector('[data-slot="rea-email-list-item-address"]')?.textContent === email,
    )
  if (!item) {
    throw new Error(`no row for ${email}`)
  }
  return item
}

/** Presses Tab until `target` has focus (at most 40 times), as a keyboard user would. */
async function tabTo(userEvent: { tab(): Promise<void> }, target: HTMLElement) {
  for (let i = 0; i < 40 && document.activeElement !== target; i += 1) {
    await userEvent.tab()
  }
  await expect(target).toHaveFocus()
}

/** The list, and "Add an email address". */
export const Default: Story = {
  parameters: emulatorParameters({ seed: threeAddresses }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('jane@work.example')).toBeVisible()
    await expect(canvas.getByRole('heading', { name: 'Email addresses' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Add an email address' })).toBeEnabled()
  },
}

/**
 * The theme's dark scheme, forced by `data-theme="dark"` on an ancestor whatever the system prefers
 * (`data-theme="light"` forces light; the toolbar's "Scheme" sets either on the story's frame).
 * Without it, the theme follows `prefers-color-scheme`. The emulator's inbox follows the page.
 */
export const DarkTheme: Story = {
  globals: { scheme: 'dark' },
  parameters: emulatorParameters({ seed: linkedAddresses }),
  play: async ({ canvas, canvasElement, globals }) => {
    await expect(await canvas.findByText('jane@work.example')).toBeVisible()
    const page = canvasElement.querySelector<HTMLElement>('[data-theme="dark"]')!
    const inbox = canvas.getByRole('complementary', { name: 'Emulator inbox' })
    await expect(getComputedStyle(inbox).backgroundColor).toBe('rgb(31, 41, 55)')
    // Room around the content: the heading and the last button keep off the dark page's edge.
    const edge = page.getBoundingClientRect()
    for (const part of [
      canvas.getByRole('heading', { name: 'Email addresses' }),
      canvas.getByRole('button', { name: 'Add an email address' }),
    ]) {
      const box = part.getBoundingClientRect()
      await expect(box.top - edge.top).toBeGreaterThanOrEqual(16)
      await expect(box.left - edge.left).toBeGreaterThanOrEqual(16)
      await expect(edge.right - box.right).toBeGreaterThanOrEqual(16)
    }
    await expect(edge.bottom - inbox.getBoundingClientRect().bottom).toBeGreaterThanOrEqual(16)
    if (globals.theme === 'unstyled') {
      return // the toolbar turned the optional theme off: only the page is dark
    }
    const manager = canvasElement.querySelector('[data-slot="rea-email-address-manager"]')!
    await expect(getComputedStyle(manager).backgroundColor).toBe('rgb(17, 24, 39)') // dark --rea-bg
  },
}

/** Waiting for the first answer. */
export const Loading: Story = {
  parameters: emulatorParameters({
    faults: neverLoads,
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading email addresses…')).toBeVisible()
  },
}

/** No address yet: the empty state, and adding one is offered. */
export const Empty: Story = {
  parameters: emulatorParameters({ seed: noAddresses }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No email addresses yet.')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Add an email address' })).toBeEnabled()
  },
}

/** FAPI is down: the list's error state with a retry. */
export const ServerDown: Story = {
  parameters: emulatorParameters({
    faults: serverDown,
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/could not be loaded/)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

/** The list failed once (500): "Try again" loads it. */
export const ErrorWithRetry: Story = {
  parameters: emulatorParameters({
    faults: [{ method: 'GET', path: '/v1/me', status: 500 }],
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByText('jane@example.com')).toBeVisible()
  },
}

/** Primary, verified, unverified and linked (OAuth, SAML) addresses side by side. */
export const Linked: Story = {
  parameters: emulatorParameters({
    seed: linkedAddresses,
    inbox: false,
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Linked to Google')).toBeVisible()
    await expect(canvas.getByText('Linked to SAML')).toBeVisible()
  },
}

/**
 * The whole lifecycle with the mouse: add → read the code in the inbox → type it → make the new address
 * primary → remove the old one.
 */
export const FullLifecycle: Story = {
  play: async ({ canvas, userEvent, emulator, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'new@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Add email address' }))

    const code = await waitForCode(emulator, 'new@example.com')
    const inbox = canvas.getByRole('complementary', { name: 'Emulator inbox' })
    await expect(await within(inbox).findByText(code)).toBeVisible()
    await userEvent.type(await canvas.findByLabelText('Verification code'), code)
    const done = await canvas.findByRole('button', { name: 'Done' })
    await expect(canvas.getByText('new@example.com is verified.')).toBeVisible()
    await expect(args.onVerified).toHaveBeenCalled()
    await userEvent.click(done)

    await userEvent.click(
      within(row(canvas, 'new@example.com')).getByRole('button', { name: 'Make primary' }),
    )
    await waitFor(() =>
      expect(within(row(canvas, 'new@example.com')).getByText('Primary')).toBeVisible(),
    )
    const old = within(row(canvas, 'jane@example.com'))
    await userEvent.click(old.getByRole('button', { name: 'Remove' }))
    await userEvent.click(
      within(old.getByRole('group', { name: 'Remove' })).getByRole('button', { name: 'Remove' }),
    )
    await waitFor(() => expect(canvas.queryByText('jane@example.com')).toBeNull())
  },
}

/** The same lifecycle with the keyboard alone: Tab, Enter and typing; focus goes where the next step is. */
export const KeyboardOnly: Story = {
  play: async ({ canvas, userEvent, emulator }) => {
    await canvas.findByText('jane@example.com')
    await tabTo(userEvent, canvas.getByRole('button', { name: 'Add an email address' }))
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(canvas.getByLabelText('Email address')).toHaveFocus())
    await userEvent.keyboard('new@example.com{Enter}')

    const field = await canvas.findByLabelText('Verification code')
    await waitFor(() => expect(field).toHaveFocus())
    await userEvent.keyboard(await waitForCode(emulator, 'new@example.com'))

    const done = await canvas.findByRole('button', { name: 'Done' })
    await waitFor(() => expect(done).toHaveFocus())
    await userEvent.keyboard('{Enter}')
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Add an email address' })).toHaveFocus(),
    )

    await tabTo(
      userEvent,
      within(row(canvas, 'new@example.com')).getByRole('button', { name: 'Make primary' }),
    )
    await userEvent.keyboard('{Enter}')
    await waitFor(() =>
      expect(within(row(canvas, 'new@example.com')).getByText('Primary')).toBeVisible(),
    )

    await tabTo(
      userEvent,
      within(row(canvas, 'jane@example.com')).getByRole('button', { name: 'Remove' }),
    )
    await userEvent.keyboard('{Enter}')
    // The confirmation starts on "Cancel", the safe choice: Enter twice does not delete.
    await waitFor(() =>
      expect(
        within(row(canvas, 'jane@example.com')).getByRole('button', { name: 'Cancel' }),
      ).toHaveFocus(),
    )
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}{Enter}')
    await waitFor(() => expect(canvas.queryByText('jane@example.com')).toBeNull())
  },
}

/** The add form, open, with an address typed in (focus in the field). */
export const AddForm: Story = {
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    const input = canvas.getByLabelText('Email address')
    await userEvent.type(input, 'jane.doe@company.example')
    await expect(input).toHaveFocus()
    await expect(canvas.getByRole('button', { name: 'Add email address' })).toBeEnabled()
  },
}

/**
 * An address being verified: the code step opens under its own row (in place of the row's Verify),
 * the code boxes with Verify beside them, then resend, the expiry and Cancel.
 */
export const VerifyStep: Story = {
  args: { defaultStep: { step: 'verify', emailAddressId: NEW_ID, strategy: 'email_code' } },
  parameters: emulatorParameters({
    seed: threeAddresses,
    setup: (story) => story.prepare(NEW_ID),
  }),
  play: async ({ canvas, userEvent }) => {
    // The step opens in its row once the list is there.
    let field: HTMLElement | undefined
    await waitFor(() => {
      field = within(row(canvas, 'new@example.com')).getByLabelText('Verification code')
    })
    await waitFor(() => expect(field).toHaveFocus())
    await userEvent.type(field!, '42')
    await expect(field).toHaveValue('42')
    // One Verify on screen: the code's; the row's own steps aside while the step is open.
    await expect(canvas.getAllByRole('button', { name: 'Verify' })).toHaveLength(1)
  },
}

/** "Remove" asks first, in the row; focus starts on Cancel, the safe choice. */
export const RemoveConfirmation: Story = {
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
  play: async ({ canvas, userEvent }) => {
    await canvas.findByText('jane@work.example')
    const work = within(row(canvas, 'jane@work.example'))
    await userEvent.click(work.getByRole('button', { name: 'Remove' }))
    const confirm = within(work.getByRole('group', { name: 'Remove' }))
    await waitFor(() => expect(confirm.getByRole('button', { name: 'Cancel' })).toHaveFocus())
    await expect(confirm.getByRole('button', { name: 'Remove' })).toBeEnabled()
  },
}

/** An unverified address from the list: "Verify" sends a code, the code verifies it. */
export const VerifyFromList: Story = {
  parameters: emulatorParameters({ seed: threeAddresses }),
  play: async ({ canvas, userEvent, emulator }) => {
    await canvas.findByText('new@example.com')
    await userEvent.click(
      within(row(canvas, 'new@example.com')).getByRole('button', { name: 'Verify' }),
    )
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.type(await canvas.findByLabelText('Verification code'), code)
    await canvas.findByRole('button', { name: 'Done' })
    await waitFor(() =>
      expect(within(row(canvas, 'new@example.com')).getByText('Verified')).toBeVisible(),
    )
  },
}

/** A wrong code inside the manager: the error shows and the typed code stays. */
export const WrongCode: Story = {
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'new@example.com{Enter}')
    const code = await waitForCode(emulator, 'new@example.com')
    const field = await canvas.findByLabelText('Verification code')
    await userEvent.type(field, wrongCode(code))
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    await expect(field).toHaveAccessibleDescription(
      expect.stringContaining('That code is not right.'),
    )
    await expect(field).toHaveValue(wrongCode(code))
  },
}

/**
 * The code expired before it was typed (the emulator's clock moves 11 minutes on): the error offers a
 * new code, which then works.
 */
export const ExpiredCode: Story = {
  parameters: emulatorParameters({
    seed: withSettings(seeds.default, { resendThrottleMs: 0 }),
    // Skip the client's 30 s resend cooldown, which the moved clock would otherwise leave running.
    providerProps: { resendCooldownSeconds: 0 },
  }),
  play: async ({ canvas, userEvent, emulator }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'new@example.com{Enter}')
    const code = await waitForCode(emulator, 'new@example.com')
    emulator.clock.advance(11 * 60_000)
    const field = await canvas.findByLabelText('Verification code')
    await userEvent.type(field, code)
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('The code has expired. Send a new one.'),
      ),
    )
    const [resend] = canvas.getAllByRole('button', { name: 'Resend code' })
    if (!resend) {
      throw new Error('no resend button')
    }
    await userEvent.click(resend)
    const fresh = await waitForCode(emulator, 'new@example.com', 1)
    await userEvent.clear(field)
    await userEvent.type(field, fresh)
    await expect(await canvas.findByRole('button', { name: 'Done' })).toBeVisible()
  },
}

/** An email link was sent and waits to be opened (open it from the inbox to finish). */
export const LinkPending: Story = {
  args: { strategy: 'email_link', redirectUrl: 'https://app.example/verified' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'link@example.com{Enter}')
    await expect(await canvas.findByText('Check your inbox')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeEnabled()
  },
}

/** With `strategy="email_link"`: "check your inbox"; opening the link turns it verified by itself. */
export const EmailLinkFlow: Story = {
  args: { strategy: 'email_link', redirectUrl: 'https://app.example/verified' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'link@example.com{Enter}')
    await expect(await canvas.findByText('Check your inbox')).toBeVisible()
    await userEvent.click(
      await canvas.findByRole('button', {
        name: 'Open the verification link for link@example.com',
      }),
    )
    await expect(
      await canvas.findByText('link@example.com is verified.', undefined, { timeout: 5000 }),
    ).toBeVisible()
  },
}

/** An address on an enterprise SSO domain is verified through the identity provider. */
export const EnterpriseSso: Story = {
  parameters: emulatorParameters({ seed: seeds.enterpriseSso, inbox: false }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'jane@sso.example{Enter}')
    await expect(await canvas.findByText('Verify with your organization')).toBeVisible()
    await expect(await canvas.findByRole('link', { name: 'Continue to sign-on' })).toBeVisible()
  },
}

/**
 * Every change needs a recent sign-in: each one opens the app's step-up dialog; after "Confirm" the
 * change goes through (and later ones do not ask again while the reverification is fresh).
 */
export const ReverificationRequired: Story = {
  parameters: emulatorParameters({
    seed: withSettings(seeds.default, {
      reverificationRequired: [
        'create_email_address',
        'set_primary_email_address',
        'delete_email_address',
      ],
    }),
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'new@example.com{Enter}')
    const dialog = await within(document.body).findByRole('dialog', { name: "Confirm it's you" })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    // The dialog has a "Verification code" field of its own: wait for it to close first.
    await waitFor(() => expect(dialog).not.toBeVisible())
    await expect(await canvas.findByLabelText('Verification code')).toBeVisible()
  },
}

/** The app offers no step-up: the add fails with a message that says why. */
export const ReverificationRequiredWithoutStepUp: Story = {
  parameters: emulatorParameters({
    seed: withSettings(seeds.default, { reverificationRequired: ['create_email_address'] }),
    reverificationDialog: false,
    inbox: false,
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'new@example.com{Enter}')
    await waitFor(() =>
      expect(canvas.getByText('Please confirm it is you, then try again.')).toBeVisible(),
    )
    await expect(canvas.getByLabelText('Email address')).toHaveValue('new@example.com')
  },
}

/** Sending the code is throttled by the server (429): the countdown follows its `Retry-After`. */
export const RateLimited: Story = {
  parameters: emulatorParameters({
    faults: [{ method: 'POST', path: '/v1/me/email_addresses/*', status: 429, times: 1 }],
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Add an email address' }))
    await userEvent.type(canvas.getByLabelText('Email address'), 'new@example.com{Enter}')
    await expect(await canvas.findByText(/Too many requests/)).toBeVisible()
  },
}

/** In German (toolbar "Locale"), every string including accessible names. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  parameters: emulatorParameters({ seed: threeAddresses }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'E-Mail-Adressen' })).toBeVisible()
  },
}

/** Right to left (toolbar "Direction"): the layout mirrors. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  parameters: emulatorParameters({ seed: threeAddresses }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('jane@work.example')).toBeVisible()
  },
}

/**
 * Without `styles.css` (toolbar "Theme: Unstyled"): plain HTML that still works. The badges read as
 * separate words, and the code shows as "4 2 | _ _ _" over a real input that takes the digits.
 */
export const Unstyled: Story = {
  globals: { theme: 'unstyled' },
  args: { defaultStep: { step: 'verify', emailAddressId: NEW_ID, strategy: 'email_code' } },
  parameters: emulatorParameters({
    seed: withUnverified,
    setup: (story) => story.prepare(NEW_ID),
  }),
  play: async ({ canvas, canvasElement, userEvent, emulator }) => {
    // The step opens in its row once the list is there.
    await waitFor(() =>
      expect(within(row(canvas, 'new@example.com')).getByLabelText('Verification code')),
    )
    await expect(canvasElement.ownerDocument.querySelector('style[data-rea-theme]')).toBeNull()
    await expect(row(canvas, 'jane@example.com').textContent).toMatch(
      /jane@example\.com\s+Primary\s+Verified\b/,
    )
    await expect(row(canvas, 'new@example.com').textContent).toMatch(
      /new@example\.com\s+Unverified\b/,
    )
    // Every control has a box a person can see and reach.
    for (const control of [...canvas.getAllByRole('button'), ...canvas.getAllByRole('textbox')]) {
      await expect(control).toBeVisible()
      const box = control.getBoundingClientRect()
      await expect(box.width).toBeGreaterThan(8)
      await expect(box.height).toBeGreaterThan(8)
    }
    const field = within(row(canvas, 'new@example.com')).getByLabelText('Verification code')
    const boxes = canvasElement.querySelector('[data-slot="rea-code-field"]')!
    await expect(boxes.getBoundingClientRect().height).toBeGreaterThan(8)
    // Focused (the step opens on the code): the caret in the first box, then the empty ones.
    await waitFor(() => expect(field).toHaveFocus())
    await expect(boxes.textContent).toBe('| _ _ _ _ _')
    const code = await waitForCode(emulator, 'new@example.com')
    await userEvent.type(field, code.slice(0, 2))
    await expect(boxes.textContent).toBe(`${code[0]} ${code[1]} | _ _ _`)
    await userEvent.type(field, code.slice(2))
    await expect(await canvas.findByText('new@example.com is verified.')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Done' })).toBeVisible()
  },
}

/** The manager's states side by side, each on its own emulator, for visual review. */
export const AllStates: Story = {
  // Each cell's list is named after the cell ("Email addresses: Empty"): no two landmarks share a name.
  parameters: emulatorParameters({
    matrix: {
      Loading: {
        faults: neverLoads,
      },
      Empty: { seed: noAddresses },
      'Server down': { faults: serverDown },
      'Three addresses, two linked': { seed: linkedAddresses },
    },
  }),
  play: async ({ canvas }) => {
    const cell = (name: string) => within(canvas.getByRole('region', { name }))
    await expect(await cell('Empty').findByText('No email addresses yet.')).toBeVisible()
    await expect(
      await cell('Three addresses, two linked').findByText('Linked to Google'),
    ).toBeVisible()
  },
}
