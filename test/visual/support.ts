/**
 * What the visual specs share: the built Storybook served on 127.0.0.1, the story list from its
 * `index.json`, and long-lived pages (one per mode) that show one story after another.
 *
 * Determinism: the wall clock is frozen (`page.clock.setFixedTime`, timers still run), time zone and
 * locale are fixed, motion is reduced, and `crypto.getRandomValues`/`Math.random` are seeded afresh
 * before each story loads, so the emulator's codes and ids are the same on every run. A screenshot is
 * taken only once Storybook says the story finished (`storyFinished`, after its play function), never
 * after a sleep.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, type Browser, expect, type Page } from '@playwright/test'
import { startPlaygroundServer } from '../../playground/server.mjs'

/** Where `npm run test:visual` builds the Storybook (git-ignored). */
const STORYBOOK_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../.tmp/storybook-visual')

/** The wall clock every page sees. */
const FIXED_NOW = new Date('2026-03-02T09:30:00Z')

/** One entry of the built Storybook's `index.json`. */
export interface StoryEntry {
  id: string
  title: string
  name: string
}

/** Every story of the built Storybook (not the docs pages), in the sidebar's order. */
export function storyIndex(): StoryEntry[] {
  const file = join(STORYBOOK_DIR, 'index.json')
  if (!existsSync(file)) {
    throw new Error(
      `No built Storybook at ${STORYBOOK_DIR}: run \`npm run test:visual\`, which builds it first.`,
    )
  }
  const index = JSON.parse(readFileSync(file, 'utf8')) as {
    entries: Record<string, StoryEntry & { type: string }>
  }
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map(({ id, title, name }) => ({ id, title, name }))
}

/** How a story is looked at. */
interface Mode {
  viewport: { width: number; height: number }
  colorScheme: 'light' | 'dark'
  /** Storybook globals for the URL (`globals=key:value;…`). */
  globals: Record<string, string>
}

// Axe runs in every mode but light, which `vitest --project storybook` checks already.
const SKIP_AXE = { 'a11y.manual': '!true' }
const DESKTOP = { width: 1024, height: 768 }

const MODES = {
  light: { viewport: DESKTOP, colorScheme: 'light', globals: SKIP_AXE },
  dark: { viewport: DESKTOP, colorScheme: 'dark', globals: {} },
  rtl: { viewport: DESKTOP, colorScheme: 'light', globals: { direction: 'rtl' } },
  unstyled: { viewport: DESKTOP, colorScheme: 'light', globals: { theme: 'unstyled' } },
  mobile: { viewport: { width: 375, height: 667 }, colorScheme: 'light', globals: {} },
} satisfies Record<string, Mode>

export type ModeName = keyof typeof MODES

/** What Storybook told the page about the story it shows (kept by `INIT_SCRIPT`). */
interface StoryState {
  finished: { storyId: string; status: string; reporters: Report[] } | null
  errors: string[]
}
interface Report {
  type: string
  status: string
  result?: { violations?: { id: string; nodes: { target: string[] }[] }[] }
}
declare global {
  interface Window {
    __visual: StoryState
  }
}

/**
 * Runs in every page before Storybook: listens on Storybook's channel as it is created, seeds the
 * page's randomness again each time a story starts loading, and keeps the story's root shown.
 */
function initScript() {
  const state: StoryState = { finished: null, errors: [] }
  window.__visual = state
  let seed = 0
  // mulberry32: small, fast and good enough for codes and ids.
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  const reseed = () => {
    seed = 20260302
  }
  reseed()
  crypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
      for (let i = 0; i < bytes.length; i += 1) {
        bytes[i] = next() & 0xff
      }
    }
    return array
  }
  Math.random = () => next() / 2 ** 32
  // When a story takes over 100 ms to prepare (a loaded machine), Storybook hides its root until the
  // story has mounted, and an `autoFocus` input mounted into a hidden root cannot take focus: keep the
  // root shown (the screenshot is taken after the story finished, when Storybook shows it anyway).
  const keepRootShown = () => {
    const style = document.createElement('style')
    style.textContent =
      'body.sb-show-preparing-story > #storybook-root { display: block !important }'
    document.head.append(style)
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', keepRootShown, { once: true })
  } else {
    keepRootShown()
  }
  type Listener = (payload: never) => void
  let channel: { on(event: string, listener: Listener): void } | undefined
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: NonNullable<typeof channel>) {
      channel = value
      value.on('storyRenderPhaseChanged', ({ newPhase }: { newPhase: string }) => {
        if (newPhase === 'loading') {
          reseed()
        }
      })
      const failed = (label: string) => (error: { message?: string; title?: string }) => {
        state.errors.push(`${label}: ${error.message ?? error.title ?? JSON.stringify(error)}`)
      }
      value.on('playFunctionThrewException', failed('play function'))
      value.on('storyThrewException', failed('story'))
      value.on('storyErrored', failed('story'))
      value.on('storyFinished', (finished: StoryState['finished']) => {
        state.finished = finished
      })
    },
  })
}

/** The pages of a worker, one per mode, each showing one story at a time. */
export class Storybook {
  readonly #pages = new Map<ModeName, Page>()
  constructor(
    readonly url: string,
    private readonly browser: Browser,
  ) {}

  /** The URL of a story's canvas with a mode's globals. */
  storyUrl(id: string, mode: ModeName): string {
    const globals = Object.entries(MODES[mode].globals)
      .map(([key, value]) => `${key}:${value}`)
      .join(';')
    return `${this.url}/iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`
  }

  async #page(mode: ModeName): Promise<Page> {
    const existing = this.#pages.get(mode)
    if (existing) {
      return existing
    }
    const { viewport, colorScheme } = MODES[mode]
    const context = await this.browser.newContext({
      viewport,
      colorScheme,
      reducedMotion: 'reduce',
      timezoneId: 'UTC',
      locale: 'en-US',
      deviceScaleFactor: 1,
    })
    await context.addInitScript(initScript)
    const page = await context.newPage()
    await page.clock.setFixedTime(FIXED_NOW)
    this.#pages.set(mode, page)
    return page
  }

  /**
   * Shows a story in a mode's page and resolves once its play function and checks are done; fails
   * on a play error. The first story of a page loads `iframe.html`; later ones are switched to over
   * Storybook's channel (the same render, without reloading the preview's bundles).
   */
  async show(mode: ModeName, story: StoryEntry): Promise<Page> {
    const page = await this.#page(mode)
    // The last story's screenshot hid the inbox; this story's play function may need it.
    await page.evaluate(() => document.getElementById('visual-hide-inbox')?.remove())
    const shown = await page.evaluate(() => window.__visual?.finished?.storyId ?? null)
    if (shown === null || shown === story.id || !page.url().startsWith(this.url)) {
      await page.goto(this.storyUrl(story.id, mode))
    } else {
      await page.evaluate((storyId) => {
        window.__visual.finished = null
        window.__visual.errors = []
        const channel = (window as unknown as Record<string, { emit(...args: unknown[]): void }>)
          .__STORYBOOK_ADDONS_CHANNEL__
        channel?.emit('setCurrentStory', { storyId, viewMode: 'story' })
      }, story.id)
    }
    await page.waitForFunction((id) => window.__visual.finished?.storyId === id, story.id, {
      polling: 50,
      timeout: 20_000,
    })
    const state = await page.evaluate(() => window.__visual)
    expect(state.errors, `${story.title} › ${story.name} failed in Storybook`).toEqual([])
    const violations = state.finished!.reporters.flatMap((report) =>
      (report.result?.violations ?? []).map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    )
    expect(violations, `axe found violations in ${story.id} (${mode})`).toEqual([])
    expect(state.finished!.status, `${story.id} (${mode}) finished with an error`).toBe('success')
    return page
  }

  async close(): Promise<void> {
    for (const page of this.#pages.values()) {
      await page.context().close()
    }
  }
}

/**
 * Where the inbox stays in the picture: the dark theme (it must follow the scheme), and the stories
 * about the inbox itself, whose play functions wait until what was sent is in it.
 */
const INBOX_SHOWN = new Set([
  'email-addresses-emailaddressmanager--dark-theme',
  'storybook-emulator-inbox--empty',
  'storybook-emulator-inbox--code-in-inbox',
  'storybook-emulator-inbox--link-from-inbox',
])

/** Room kept around the story in a screenshot, so focus rings and shadows at its edge show whole. */
const MARGIN = 8

/**
 * Compares the story (`#storybook-root` and `MARGIN` px around it) with `baselines/<mode>/<id>.png`.
 * The emulator's inbox, a harness panel below most stories that re-reads what was sent every half
 * second, is hidden for the picture unless the story is in `INBOX_SHOWN` (`show` brings it back
 * for the next story's play function, which may use it).
 */
export async function expectStoryScreenshot(page: Page, mode: ModeName, story: StoryEntry) {
  if (!INBOX_SHOWN.has(story.id)) {
    await page.evaluate(() => {
      const style = document.createElement('style')
      style.id = 'visual-hide-inbox'
      style.textContent = "[data-testid='emulator-inbox'] { display: none !important; }"
      document.head.append(style)
    })
  }
  const clip = await page.locator('#storybook-root').evaluate((root, margin) => {
    const box = root.getBoundingClientRect()
    const x = Math.max(0, Math.floor(box.left + scrollX - margin))
    const y = Math.max(0, Math.floor(box.top + scrollY - margin))
    const right = Math.min(
      document.documentElement.scrollWidth,
      Math.ceil(box.right + scrollX + margin),
    )
    return { x, y, width: right - x, height: Math.ceil(box.bottom + scrollY + margin) - y }
  }, MARGIN)
  await expect(page).toHaveScreenshot([mode, `${story.id}.png`], { clip, fullPage: true })
}

/**
 * What sticks out past the right or left edge of a `width`-pixel-wide page (an empty list when
 * nothing does): the page is narrowed, measured and restored.
 */
export async function overflowAt(page: Page, width: number): Promise<string[]> {
  const size = page.viewportSize()!
  await page.setViewportSize({ width, height: size.height })
  try {
    return await page.evaluate(() => {
      const limit = document.documentElement.clientWidth
      if (document.documentElement.scrollWidth <= limit) {
        return []
      }
      const out = [...document.body.querySelectorAll('*')].filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.right > limit + 0.5 || box.left < -0.5)
      })
      // The outermost offenders only.
      return out
        .filter((element) => !out.some((other) => other !== element && other.contains(element)))
        .map((element) => {
          const slot = element.getAttribute('data-slot')
          const text = (element.textContent ?? '').trim().slice(0, 40)
          const box = element.getBoundingClientRect()
          return `<${element.tagName.toLowerCase()}${slot ? ` data-slot="${slot}"` : ''}> ${Math.round(box.left)}–${Math.round(box.right)} px "${text}"`
        })
    })
  } finally {
    await page.setViewportSize(size)
  }
}

/** `test` with the worker's server and Storybook pages. */
export const test = base.extend<object, { server: string; storybook: Storybook }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from the pattern
    async ({}, use) => {
      // The playground's static server, the one every browser suite uses, on the built Storybook.
      const server = await startPlaygroundServer({ dir: STORYBOOK_DIR })
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  storybook: [
    async ({ server, browser }, use) => {
      const storybook = new Storybook(server, browser)
      await use(storybook)
      await storybook.close()
    },
    { scope: 'worker' },
  ],
})

export { expect }
