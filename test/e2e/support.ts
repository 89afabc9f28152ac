/**
 * What every e2e spec shares: the demo's and the emulator's URLs (from `global-setup.ts`), the
 * emulator's control API over HTTP, keyboard helpers, and `checkpoint()` (a screenshot kept as an
 * artifact plus an axe-core run that must find no violation).
 */
import { createRequire } from 'node:module'
import { expect, type Locator, type Page, test as base } from '@playwright/test'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core/axe.min.js')

function env(name: 'DEMO_URL' | 'EMULATOR_URL'): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(
      `${name} is not set: run the suite with \`npx playwright test\` (global setup).`,
    )
  }
  return value
}

/** The emulator's wire shapes the tests read (snake_case, as FAPI sends them). */
export interface WireEmail {
  id: string
  email_address: string
  verification: { status: string; strategy: string; expire_at: number | null } | null
}
export interface WireUser {
  id: string
  primary_email_address_id: string | null
  email_addresses: WireEmail[]
}
export interface OutboxMessage {
  to: string
  strategy: 'email_code' | 'email_link'
  code: string | null
  link: string | null
  email_address_id: string
}
/** A fault for `POST /__emulator/faults` (`FaultSpec` in src/testing/types.ts). */
export interface Fault {
  method?: string
  path: string
  times?: number
  status?: number
  code?: string
  delayMs?: number
  drop?: boolean
  retryAfter?: number
  body?: string
  contentType?: string
  afterCommit?: boolean
  holdMs?: number
}
/** One Frontend API request as the emulator logged it (`GET /__emulator/requests`). */
export interface LoggedRequest {
  method: string
  path: string
  time: number
  status: number | null
  held: boolean
}
export interface Seed {
  users?: {
    first_name?: string
    last_name?: string
    email_addresses: (
      string | { email_address: string; verified?: boolean; primary?: boolean; id?: string }
    )[]
  }[]
  settings?: Record<string, unknown>
}

/** The emulator's control routes (`/__emulator/*`) and `GET /v1/me`, from Node over HTTP. */
export class Emulator {
  readonly url = env('EMULATOR_URL')

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
    }
    return JSON.parse(text) as T
  }

  /** Back to the demo's seed (Jane, one verified primary address), or to `seed`. Clears faults. */
  reset(seed?: Seed): Promise<unknown> {
    return this.call('POST', '/__emulator/reset', seed)
  }
  state(): Promise<{ session_id: string; user_id: string }> {
    return this.call('GET', '/__emulator/state')
  }
  /** The signed-in user as FAPI returns it (the default client's session). */
  async me(): Promise<WireUser> {
    const state = await this.state()
    const body = await this.call<{ response: WireUser }>(
      'GET',
      `/v1/me?_clerk_session_id=${state.session_id}`,
    )
    return body.response
  }
  async email(address: string): Promise<WireEmail> {
    const me = await this.me()
    const found = me.email_addresses.find((e) => e.email_address === address)
    if (!found) {
      throw new Error(
        `${address} is not on the user: ${me.email_addresses.map((e) => e.email_address).join(', ')}`,
      )
    }
    return found
  }
  outbox(): Promise<OutboxMessage[]> {
    return this.call('GET', '/__emulator/outbox')
  }
  /** The newest message to `to`; waits (bounded) for it to arrive. */
  async latest(to: string, after = 0): Promise<OutboxMessage> {
    for (let i = 0; i < 50; i += 1) {
      const messages = (await this.outbox()).filter((m) => m.to === to)
      const message = messages.at(-1)
      if (message && messages.length > after) {
        return message
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no message to ${to} (after ${after}) in the emulator's outbox`)
  }
  async code(to: string, after = 0): Promise<string> {
    const { code } = await this.latest(to, after)
    if (!code) {
      throw new Error(`the message to ${to} has no code`)
    }
    return code
  }
  fault(fault: Fault): Promise<unknown> {
    return this.call('POST', '/__emulator/faults', fault)
  }
  advanceClock(ms: number): Promise<unknown> {
    return this.call('POST', '/__emulator/clock', { advance_ms: ms })
  }
  /** Lets every request held by a `holdMs` fault go on. */
  release(): Promise<{ released: number }> {
    return this.call('POST', '/__emulator/faults/release')
  }
  /** Every Frontend API request since the last reset, oldest first. */
  requests(): Promise<LoggedRequest[]> {
    return this.call('GET', '/__emulator/requests')
  }
}

/** Presses Tab (at most `max` times) until `target` has focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  const handle = await target.elementHandle()
  if (!handle) {
    throw new Error(`tabTo: ${target.toString()} is not on the page`)
  }
  for (let i = 0; i < max; i += 1) {
    if (await handle.evaluate((el) => el === document.activeElement)) {
      return
    }
    await page.keyboard.press('Tab')
  }
  throw new Error(`tabTo: ${target.toString()} not reached in ${max} presses of Tab`)
}

/** Runs axe-core on the page and fails on any violation, listing each rule and element. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: AXE_PATH })
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe
    interface AxeResults {
      violations: {
        id: string
        impact: string
        help: string
        nodes: { target: string[]; html: string; failureSummary?: string }[]
      }[]
    }
    const results = await axe.run(document)
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      why: v.nodes.map((n) => `${n.html} :: ${n.failureSummary}`),
    }))
  })
  expect(violations, `axe-core violations on "${label}"`).toEqual([])
}

/**
 * A step of the flow: a full-page screenshot kept as an artifact (`test-results/<test>/NN-name.png`)
 * and an axe-core check of the screen.
 */
export async function checkpoint(page: Page, name: string): Promise<void> {
  const info = test.info()
  const count = (info.annotations.filter((a) => a.type === 'step').length + 1)
    .toString()
    .padStart(2, '0')
  info.annotations.push({ type: 'step', description: name })
  await page.screenshot({ path: info.outputPath(`${count}-${name}.png`), fullPage: true })
  await expectNoAxeViolations(page, name)
}

/** The parts of the demo page the specs talk about. */
export function demoPage(page: Page) {
  const manager = page.locator('[data-slot="rea-email-address-manager"]')
  const list = manager.locator('[data-slot="rea-email-list"]')
  const row = (address: string) =>
    list.locator('[data-slot="rea-email-list-item"]').filter({
      has: page.locator('[data-slot="rea-email-list-item-address"]', { hasText: address }),
    })
  return {
    manager,
    list,
    rows: list.locator('[data-slot="rea-email-list-item"]'),
    row,
    badges: (address: string) => row(address).locator('[data-slot="rea-badge"]'),
    addButton: manager.getByRole('button', { name: 'Add an email address' }),
    emailInput: manager.getByLabel('Email address', { exact: true }),
    codeInput: manager.getByLabel('Verification code'),
    verify: manager.locator('[data-slot="rea-verify-code-input"]'),
    status: list.locator('[data-slot="rea-email-list-status"]'),
    alert: list.locator('[data-slot="rea-email-list-alert"]'),
    headless: page.getByTestId('headless'),
  }
}

interface Fixtures {
  emulator: Emulator
  demoUrl: string
}

/**
 * `test` with a fresh emulator per test (the demo's seed, no faults) and the demo's URL. Every page of
 * the test is watched: an uncaught error or a console error (React's warnings included) fails it.
 * Chromium's own "Failed to load resource" lines are expected where the specs inject faults.
 */
export const test = base.extend<Fixtures>({
  context: async ({ context }, provide) => {
    const problems: string[] = []
    const watch = (page: Page) => {
      page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(`${page.url()}: console.error ${message.text()}`)
        }
      })
    }
    context.pages().forEach(watch)
    context.on('page', watch)
    await provide(context)
    expect(problems, 'errors in the browser console').toEqual([])
  },
  // `auto`: every test starts from the seed, also one that never names the emulator.
  emulator: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs a destructured first argument
    async ({}, provide) => {
      const emulator = new Emulator()
      await emulator.reset()
      await provide(emulator)
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright needs a destructured first argument
  demoUrl: async ({}, provide) => {
    await provide(env('DEMO_URL'))
  },
})

export { expect }
