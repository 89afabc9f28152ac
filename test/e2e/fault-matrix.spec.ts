/**
 * The fault matrix (issue #17): each mutation of the demo's drop-in manager × each way its answer can
 * go wrong, injected at the emulator (`POST /__emulator/faults`), never with Playwright tricks. After
 * every cell: no page error (the fixture), the change went out once (counted in the emulator's request
 * log), the server has or lacks the change as the cell says, the list on screen equals `GET /v1/me`,
 * the typed input is kept where an error leaves the user in a form, and the message shown is asserted
 * word for word. Each cell is its own test: the emulator reset to the row's seed, the page loaded
 * again (one browser context for all, so loads are cheap), the fault queued, the gesture made. Waits
 * are on positive signals only: the emulator's request log (sent, held, answered, checked with
 * `GET /v1/me`) and text on the page; slow servers are held faults released by moving its clock.
 *
 * Columns that do not fit a row, and why:
 * - "unmount" for set primary: nothing in the demo unmounts the list while a primary change is in
 *   flight, so that cell is the slow answer alone. For delete the confirmation and the row unmount by
 *   themselves in the render of the click (optimistic), so that cell needs no extra step.
 * - "abort" is the user leaving the page (a reload) while the request is in flight; the server acted
 *   (held after the change), so the page that loads next shows it. No input survives a reload, and no
 *   message is expected.
 * - 401 ends the session: the demo shows its signed-out screen instead of the list, so neither the
 *   list nor a typed input can be compared.
 * - 403 opens the demo's step-up dialog; the cell gives it up (Escape). Completing it sends the call
 *   again after the step-up, which is test/e2e/step-up.spec.ts's journey.
 */
import type { BrowserContext, ConsoleMessage, Locator, Page } from '@playwright/test'
import {
  demoPage,
  type Emulator,
  expect,
  type Fault,
  type LoggedRequest,
  type OutboxMessage,
  type Seed,
  test as base,
  type WireUser,
} from './support'

/**
 * One browser context for the whole matrix (its HTTP cache makes each cell's page load cheap), and
 * for each cell its page, watched like every other spec's: an uncaught error or a console error
 * (other than Chromium's "Failed to load resource" for the injected faults) fails the cell.
 */
const test = base.extend<{ cellPage: Page }, { shared: { context: BrowserContext; page: Page } }>({
  shared: [
    async ({ browser }, provide) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      await provide({ context, page: await context.newPage() })
      await context.close()
    },
    { scope: 'worker' },
  ],
  cellPage: async ({ shared }, provide, testInfo) => {
    const { context, page } = shared
    const problems: string[] = []
    const onPageError = (error: Error) => problems.push(`uncaught ${error.message}`)
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console.error ${message.text()}`)
      }
    }
    // The previous cell's session is gone with its reset.
    await context.clearCookies()
    page.on('pageerror', onPageError)
    page.on('console', onConsole)
    await provide(page)
    page.off('pageerror', onPageError)
    page.off('console', onConsole)
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('page', { body: await page.screenshot(), contentType: 'image/png' })
    }
    expect(problems, 'errors in the browser console').toEqual([])
  },
})

type Ui = ReturnType<typeof demoPage>

/** The demo's instance settings (codes and links), kept in every seed of the matrix. */
const SETTINGS = { strategies: ['email_code', 'email_link', 'enterprise_sso'] }
const JANE = { email_address: 'jane@example.com', verified: true, primary: true, id: 'idn_jane' }

function seedWith(other?: { email_address: string; verified: boolean; id: string }): Seed {
  return {
    users: [
      { first_name: 'Jane', last_name: 'Doe', email_addresses: other ? [JANE, other] : [JANE] },
    ],
    settings: SETTINGS,
  }
}

/** What the server has: enough to tell whether a change was made. */
interface ServerView {
  user: WireUser
  outbox: OutboxMessage[]
}

/** A text the user sees, and where. */
interface Shown {
  locator: Locator
  text: string | RegExp
}

/** One mutation of the demo, and how a user sends it. */
interface Mutation {
  seed: Seed
  /** The request as the emulator logs it (logical verb, path without query or trailing slash). */
  request: { method: string; path: string }
  /** Brings the page to the moment before the gesture. */
  before?(ui: Ui): Promise<void>
  /** The user's gesture that sends the request. */
  act(ui: Ui): Promise<void>
  /** Whether the server made the change. */
  made(server: ServerView): boolean
  /** Where an error about it shows, and how a message reads there (default: as is). */
  error(ui: Ui): Locator
  errorText?(message: string): string
  /** What shows once it succeeded (a positive signal), and its text. */
  success(ui: Ui): Shown
  /** The input the user typed, kept after an error. */
  typed?(ui: Ui): { locator: Locator; value: string }
  /** How the user leaves while the request is in flight (the component that sent it unmounts). */
  leave?(ui: Ui): Promise<void>
  /** What shows once the answer lands after the user left, if anything. */
  afterLeaving(ui: Ui): Shown | null
  /** Other changes the gesture leads to (at most once each), e.g. the code sent after a create. */
  followUps?: { method: string; path: RegExp }[]
}

const NEW = 'new@example.com'
const TEST_ADDRESS = 'new+clerk_test@example.com' // test mode: accepts 424242, sends nothing
const VERIFY_PANEL = '[data-slot="rea-email-address-manager-verify"]'

const resendButton = (ui: Ui) =>
  ui.manager.locator(`${VERIFY_PANEL} [data-slot="rea-prepare-verification"] button`)
const managerError = (ui: Ui) => ui.manager.locator('[data-slot="rea-email-address-manager-error"]')
const managerStatus = (ui: Ui) =>
  ui.manager.locator('[data-slot="rea-email-address-manager-status"]')
const cancel = (ui: Ui) => ui.manager.getByRole('button', { name: 'Cancel', exact: true }).click()

const MUTATIONS: Record<string, Mutation> = {
  create: {
    seed: seedWith(),
    request: { method: 'POST', path: '/v1/me/email_addresses' },
    async before(ui) {
      await ui.addButton.click()
      await ui.emailInput.fill(NEW)
    },
    act: (ui) => ui.emailInput.press('Enter'),
    made: ({ user }) => user.email_addresses.some((e) => e.email_address === NEW),
    error: (ui) => ui.manager.locator('[data-slot="rea-add-email-form-error"]'),
    // On to the verify step of the address the server made: no invitation to add it twice.
    success: (ui) => ({
      locator: ui.manager.locator(`${VERIFY_PANEL} [data-slot="rea-field-description"]`),
      text: `Enter the code we sent to ${NEW}.`,
    }),
    typed: (ui) => ({ locator: ui.emailInput, value: NEW }),
    leave: (ui) => cancel(ui),
    afterLeaving: (ui) => ({
      locator: managerStatus(ui),
      text: `${NEW} was added but is not verified yet. You can verify it from the list.`,
    }),
    followUps: [{ method: 'POST', path: /\/prepare_verification$/ }],
  },
  prepare: {
    seed: seedWith({ email_address: NEW, verified: false, id: 'idn_new' }),
    request: { method: 'POST', path: '/v1/me/email_addresses/idn_new/prepare_verification' },
    act: (ui) => ui.row(NEW).getByRole('button', { name: 'Verify' }).click(),
    made: ({ outbox }) => outbox.some((m) => m.to === NEW),
    error: managerError,
    success: (ui) => ({ locator: resendButton(ui), text: /^Resend in \d+s$/ }),
    leave: (ui) => cancel(ui),
    afterLeaving: () => null,
  },
  attempt: {
    seed: seedWith({ email_address: TEST_ADDRESS, verified: false, id: 'idn_new' }),
    request: { method: 'POST', path: '/v1/me/email_addresses/idn_new/attempt_verification' },
    async before(ui) {
      await ui.row(TEST_ADDRESS).getByRole('button', { name: 'Verify' }).click()
      await expect(resendButton(ui)).toHaveText(/^Resend in \d+s$/) // the code went out
    },
    act: (ui) => ui.codeInput.pressSequentially('424242'), // checked on the last digit
    made: ({ user }) =>
      user.email_addresses.find((e) => e.id === 'idn_new')?.verification?.status === 'verified',
    error: (ui) =>
      ui.manager.locator('[data-slot="rea-verify-code-input"] [data-slot="rea-field-error"]'),
    success: (ui) => ({
      locator: ui.manager.locator('[data-slot="rea-email-address-manager-done"] [role="status"]'),
      text: `${TEST_ADDRESS} is verified.`,
    }),
    typed: (ui) => ({ locator: ui.codeInput, value: '424242' }),
    leave: (ui) => cancel(ui),
    afterLeaving: (ui) => ({ locator: ui.badges(TEST_ADDRESS), text: 'Verified' }),
  },
  'set primary': {
    seed: seedWith({ email_address: 'work@example.com', verified: true, id: 'idn_work' }),
    request: { method: 'PATCH', path: '/v1/me' },
    act: (ui) => ui.row('work@example.com').getByRole('button', { name: 'Make primary' }).click(),
    made: ({ user }) => user.primary_email_address_id === 'idn_work',
    error: (ui) => ui.alert,
    errorText: (message) => `work@example.com: ${message}`,
    success: (ui) => ({
      locator: ui.status,
      text: 'work@example.com is now your primary email address.',
    }),
    afterLeaving: (ui) => ({
      locator: ui.status,
      text: 'work@example.com is now your primary email address.',
    }),
  },
  delete: {
    seed: seedWith({ email_address: 'old@example.com', verified: true, id: 'idn_old' }),
    request: { method: 'DELETE', path: '/v1/me/email_addresses/idn_old' },
    async act(ui) {
      await ui.row('old@example.com').getByRole('button', { name: 'Remove' }).click()
      await ui
        .row('old@example.com')
        .getByRole('group', { name: 'Remove' })
        .getByRole('button', { name: 'Remove' })
        .click()
    },
    made: ({ user }) => !user.email_addresses.some((e) => e.id === 'idn_old'),
    error: (ui) => ui.alert,
    errorText: (message) => `old@example.com: ${message}`,
    success: (ui) => ({ locator: ui.status, text: 'old@example.com was removed.' }),
    afterLeaving: (ui) => ({ locator: ui.status, text: 'old@example.com was removed.' }),
  },
}

const GATEWAY_PAGE = '<html><body><h1>502 Bad Gateway</h1></body></html>'
const NOT_MADE =
  'The server’s answer did not come through, so we checked your account: the change was not made, and the list is up to date. You can try again.'

/** How a cell ends. `lost`: the answer cannot be trusted, so the page must ask the server. */
type Expected =
  | { outcome: 'error'; message: string; lost?: true; stepUp?: 'cancel' }
  | { outcome: 'made'; lost: true }
  | { outcome: 'signedOut' }
  | { outcome: 'leave' }
  | { outcome: 'abort' }

/** The columns, in order: the fault and what the user must see. */
const FAULTS: { column: string; fault: Omit<Fault, 'method' | 'path'>; expected: Expected }[] = [
  {
    column: '500 JSON',
    fault: { status: 500 },
    expected: { outcome: 'error', message: 'The server had a problem. Please try again.' },
  },
  {
    column: '502 HTML before the server',
    fault: { status: 502, body: GATEWAY_PAGE },
    expected: { outcome: 'error', message: NOT_MADE, lost: true },
  },
  {
    column: '502 HTML after commit',
    fault: { status: 502, body: GATEWAY_PAGE, afterCommit: true },
    expected: { outcome: 'made', lost: true },
  },
  {
    // The status line and headers arrive, then the connection ends mid-body: no silent resend.
    column: 'reset after commit',
    fault: { drop: true, afterCommit: true },
    expected: { outcome: 'made', lost: true },
  },
  {
    column: 'malformed 200',
    fault: {
      status: 200,
      body: '{"response":{"object":"nothing"}',
      contentType: 'application/json',
      afterCommit: true,
    },
    expected: { outcome: 'made', lost: true },
  },
  {
    column: '429 + Retry-After',
    fault: { status: 429, retryAfter: 7 },
    expected: {
      outcome: 'error',
      message: 'Too many requests. Please wait a moment and try again.',
    },
  },
  { column: '401', fault: { status: 401 }, expected: { outcome: 'signedOut' } },
  {
    // The demo opens its step-up dialog; the user gives up (Escape), so the call fails as refused.
    // Completing it (the call sent again after the step-up) is test/e2e/step-up.spec.ts's journey.
    column: '403 reverification',
    fault: { status: 403, code: 'session_reverification_required' },
    expected: {
      outcome: 'error',
      message: 'Please confirm it is you, then try again.',
      stepUp: 'cancel',
    },
  },
  {
    // Held until the emulator's clock, which the test moves, is 10 s on: a slow server, a fast test.
    column: '10 s delay then unmount',
    fault: { holdMs: 10_000 },
    expected: { outcome: 'leave' },
  },
  {
    // Held after the change until the test releases it, once the page is gone.
    column: 'abort',
    fault: { holdMs: 600_000, afterCommit: true },
    expected: { outcome: 'abort' },
  },
]

/** The rows on screen, as `address: badges`, sorted. */
async function shownList(ui: Ui): Promise<string[]> {
  const rows = await ui.rows.evaluateAll((elements) =>
    elements.map((row) => {
      const address = row.querySelector('[data-slot="rea-email-list-item-address"]')?.textContent
      const badges = [...row.querySelectorAll('[data-slot="rea-badge"]')].map((b) => b.textContent)
      return `${address?.trim()}: ${badges.join(', ')}`
    }),
  )
  return rows.sort()
}

/** The rows `GET /v1/me` calls for, in the same form. */
function serverList(user: WireUser): string[] {
  return user.email_addresses
    .map((e) => {
      const badges = [
        ...(e.id === user.primary_email_address_id ? ['Primary'] : []),
        e.verification?.status === 'verified' ? 'Verified' : 'Unverified',
      ]
      return `${e.email_address}: ${badges.join(', ')}`
    })
    .sort()
}

const sameRequest = (a: { method: string; path: string }, b: { method: string; path: string }) =>
  a.method === b.method && a.path === b.path

async function serverView(emulator: Emulator): Promise<ServerView> {
  const [user, outbox] = await Promise.all([emulator.me(), emulator.outbox()])
  return { user, outbox }
}

/** How often to look again while waiting on the emulator or the page: they answer in milliseconds. */
const POLL = [25, 50, 100]

/** Polls the emulator's request log until `state` of it is 'settled' (else it names what is missing). */
async function untilLog(
  emulator: Emulator,
  message: string,
  state: (log: LoggedRequest[]) => string,
): Promise<void> {
  await expect
    .poll(async () => state(await emulator.requests()), { message, intervals: POLL })
    .toBe('settled')
}

/** Waits until the mutation was sent once and answered (or is held), and after a lost answer, checked. */
function settled(emulator: Emulator, mutation: Mutation, expected: Expected): Promise<void> {
  const { method, path } = mutation.request
  return untilLog(emulator, `${method} ${path}: sent once and settled`, (log) => {
    const at = log.findIndex((r) => sameRequest(r, mutation.request))
    const sent = log[at]
    if (!sent) {
      return 'not sent'
    }
    if (log.filter((r) => sameRequest(r, mutation.request)).length > 1) {
      return 'sent twice'
    }
    if (expected.outcome === 'leave' || expected.outcome === 'abort') {
      return sent.held ? 'settled' : 'not held yet'
    }
    if ('lost' in expected) {
      // The page saw the failure (Chromium resent nothing) and asked the server for the truth.
      const checked = log.slice(at + 1).find((r) => r.method === 'GET' && r.path === '/v1/me')
      return checked?.status ? 'settled' : 'no GET /v1/me after it'
    }
    return sent.status !== null ? 'settled' : 'not answered'
  })
}

/** No change went out twice: the mutation once, each follow-up at most once. */
function expectSentOnce(log: LoggedRequest[], mutation: Mutation): void {
  const changes = log.filter((r) => r.method !== 'GET')
  expect(changes.filter((r) => sameRequest(r, mutation.request))).toHaveLength(1)
  for (const followUp of mutation.followUps ?? []) {
    const sent = changes.filter((r) => r.method === followUp.method && followUp.path.test(r.path))
    expect(sent.length).toBeLessThanOrEqual(1)
  }
  const keys = changes.map((r) => `${r.method} ${r.path}`)
  expect(keys, 'a change sent twice').toEqual([...new Set(keys)])
}

/** No error about the mutation shows (its element may be absent, hidden or empty). */
async function expectNoError(mutation: Mutation, ui: Ui): Promise<void> {
  await expect(mutation.error(ui).filter({ hasText: /\S/ })).toHaveCount(0)
}

async function expectShown(shown: Shown | null): Promise<void> {
  if (shown) {
    await expect(shown.locator).toHaveText(shown.text)
  }
}

for (const [name, mutation] of Object.entries(MUTATIONS)) {
  test.describe(`${name} ×`, () => {
    for (const { column, fault, expected } of FAULTS) {
      test(column, async ({ cellPage: page, emulator, demoUrl }) => {
        const ui = demoPage(page)
        await emulator.reset(mutation.seed)
        await page.goto(demoUrl)
        await expect(ui.rows).toHaveCount(mutation.seed.users![0]!.email_addresses.length)
        await mutation.before?.(ui)
        await emulator.fault({ ...mutation.request, ...fault })

        await mutation.act(ui)
        await settled(emulator, mutation, expected)
        if ('stepUp' in expected) {
          const stepUp = page.getByRole('dialog', { name: "Confirm it's you" })
          await expect(stepUp).toBeVisible()
          await page.keyboard.press('Escape')
          await expect(stepUp).toBeHidden()
        }
        if (expected.outcome === 'leave') {
          // The component that sent it unmounts; 10 s later (the server's clock) the answer lands.
          await mutation.leave?.(ui)
          await emulator.advanceClock(10_000)
          await untilLog(emulator, 'answered once let go', (log) =>
            log.find((r) => sameRequest(r, mutation.request))?.status === 200 ? 'settled' : 'held',
          )
          await expectShown(mutation.afterLeaving(ui))
        } else if (expected.outcome === 'abort') {
          // The user leaves the page mid-request; the server acted, the answer goes nowhere.
          await page.reload()
          await emulator.release()
        }

        const server = await serverView(emulator)
        const made = expected.outcome !== 'error' && expected.outcome !== 'signedOut'
        expect(mutation.made(server), made ? 'the change is made' : 'nothing is made').toBe(made)
        const sent = await emulator.requests()
        expectSentOnce(sent, mutation)

        if (expected.outcome === 'signedOut') {
          // Its own alert: until the screen swaps (a render after the answer), the page has others.
          await expect(page.getByTestId('signed-out').getByRole('alert')).toHaveText(
            'Your session has ended (authentication_invalid). Sign in again to manage your email addresses.',
          )
          return
        }
        await expect.poll(() => shownList(ui), { intervals: POLL }).toEqual(serverList(server.user))
        switch (expected.outcome) {
          case 'error': {
            const message = mutation.errorText?.(expected.message) ?? expected.message
            await expect(mutation.error(ui)).toHaveText(message)
            const typed = mutation.typed?.(ui)
            if (typed) {
              await expect(typed.locator).toHaveValue(typed.value)
            }
            break
          }
          case 'made':
            await expectShown(mutation.success(ui))
            await expectNoError(mutation, ui)
            break
          case 'leave':
            await expectNoError(mutation, ui)
            // Leaving means leaving: nothing more is sent for it (no code for a cancelled add).
            for (const followUp of mutation.followUps ?? []) {
              expect(sent.filter((r) => followUp.path.test(r.path))).toEqual([])
            }
            break
          case 'abort':
            await expectNoError(mutation, ui)
            break
        }
      })
    }
  })
}
