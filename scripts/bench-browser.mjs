/**
 * The benchmarks that need a browser: request counts (ours through the hooks, clerk-js through its
 * resource methods), React commits while typing and on an optimistic delete, list render time at 10,
 * 100 and 1,000 addresses, and click → optimistic change latency (`EmailList`'s, and the settings
 * page's headless panel's). Everything runs in Debian's Chromium (never a downloaded browser) against
 * the emulator's HTTP server on 127.0.0.1; the pages are the playground's `bench` and `clerkJs`, built
 * by the playground's one build with production React's profiling build and served by its server.
 *
 * Needs `dist/` (`npm run build`): the emulator is imported from it. Used by `scripts/bench.mjs`;
 * `node scripts/bench-browser.mjs` runs it alone and prints the JSON lines.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pageUrl } from '../playground/routes.mjs'
import { buildPlayground, startPlaygroundServer } from '../playground/server.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const chromiumConfig = require('../test/support/chromium.json')

const CHROMIUM_ARGS = [...chromiumConfig.args, ...chromiumConfig.clerkArgs]
const RENDER_SIZES = [10, 100, 1000]
const RENDER_RUNS = 9
const LATENCY_SAMPLES = 10

/** Median, min, max and p90 of a list of numbers, rounded to 0.01. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2
  const round = (n) => Math.round(n * 100) / 100
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    p90: round(at(0.9)),
    n: sorted.length,
  }
}

/** A fresh emulator server for one scenario, and the FAPI requests a page sends it. */
async function scenario(browser, base, seed) {
  const { createFapiEmulator } = await import(join(root, 'dist/testing/index.js'))
  const { startEmulatorServer } = await import(join(root, 'dist/testing/node.js'))
  const emulator = createFapiEmulator(seed)
  const fapi = await startEmulatorServer({ emulator, host: '127.0.0.1', port: 0 })
  const context = await browser.newContext()
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })
  })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  const seen = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin !== fapi.url || url.pathname.startsWith('/__emulator')) {
      return
    }
    // Ids vary from run to run; the figures keep the path's shape.
    const path = url.pathname.replace(/\/idn_[A-Za-z0-9]+/g, '/{id}')
    seen.push(`${url.searchParams.get('_method') ?? request.method()} ${path}`)
  })
  const me = async () => {
    const response = await emulator.fetch(
      new Request(`http://fapi.test/v1/me?_clerk_session_id=${emulator.signedIn.sessionId}`),
    )
    return (await response.json()).response
  }
  const open = (scene, extra = {}) =>
    page.goto(
      pageUrl(base, 'bench', { scene, fapi: fapi.url, sid: emulator.signedIn.sessionId, ...extra }),
    )
  return {
    emulator,
    fapi,
    page,
    seen,
    errors,
    me,
    open,
    close: async () => {
      await context.close()
      await fapi.close()
    },
  }
}

const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const gets = (list) => list.filter((r) => r.startsWith('GET ')).length

async function lifecycleOurs(browser, base) {
  const s = await scenario(browser, base, { users: [{ email_addresses: ['jane@example.com'] }] })
  try {
    await s.open('lifecycle')
    await s.page.waitForFunction(() => window.bench.data !== null)
    const load = [...s.seen]
    s.seen.length = 0
    const oldId = await s.page.evaluate(() => window.bench.data.primaryEmailAddressId)
    const id = await s.page.evaluate(
      async () => (await window.bench.create({ emailAddress: 'new@example.com' })).emailAddress.id,
    )
    await s.page.evaluate((id) => window.bench.prepare({ id, strategy: 'email_code' }), id)
    const code = s.emulator.latestMessage('new@example.com')?.code
    await s.page.evaluate(([id, code]) => window.bench.attempt({ id, code }), [id, code])
    await s.page.evaluate((id) => window.bench.setPrimary({ id }), id)
    await s.page.evaluate((id) => window.bench.remove({ id }), oldId)
    await settle(500)
    const shown = await s.page.evaluate(() =>
      window.bench.data.emailAddresses.map((a) => a.emailAddress),
    )
    return { load, lifecycle: [...s.seen], shown, errors: s.errors }
  } finally {
    await s.close()
  }
}

async function tenConsumers(browser, base) {
  const s = await scenario(browser, base, { users: [{ email_addresses: ['jane@example.com'] }] })
  try {
    await s.open('consumers')
    await s.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid^="consumer-"]')].every(
        (p) => p.textContent === '1',
      ),
    )
    await settle(300)
    return { requests: [...s.seen] }
  } finally {
    await s.close()
  }
}

/** The same lifecycle through clerk-js 6's own resource methods; `null` if clerk-js does not load. */
async function lifecycleClerk(browser, base) {
  const s = await scenario(browser, base, { users: [{ email_addresses: ['jane@example.com'] }] })
  try {
    await s.page.goto(pageUrl(base, 'clerkJs', { fapi: s.fapi.url }))
    const loaded = await s.page
      .evaluate(async () => {
        await window.ready
        await window.Clerk.load()
        return window.Clerk.user ? window.Clerk.user.primaryEmailAddressId : null
      })
      .catch((error) => ({ error: String(error) }))
    if (!loaded || typeof loaded !== 'string') {
      return {
        pending: `clerk-js did not load a user: ${JSON.stringify(loaded)} ${s.errors.join('; ')}`,
      }
    }
    const load = [...s.seen]
    s.seen.length = 0
    const id = await s.page.evaluate(
      async () => (await window.Clerk.user.createEmailAddress({ email: 'new@example.com' })).id,
    )
    const address = (id) =>
      `window.Clerk.user.emailAddresses.find((e) => e.id === ${JSON.stringify(id)})`
    await s.page.evaluate(`${address(id)}.prepareVerification({ strategy: 'email_code' })`)
    const code = s.emulator.latestMessage('new@example.com')?.code
    await s.page.evaluate(`${address(id)}.attemptVerification({ code: ${JSON.stringify(code)} })`)
    await s.page.evaluate((id) => window.Clerk.user.update({ primaryEmailAddressId: id }), id)
    await s.page.evaluate(`${address(loaded)}.destroy()`)
    await settle(500)
    const shown = await s.page.evaluate(() =>
      window.Clerk.user.emailAddresses.map((e) => e.emailAddress),
    )
    const upkeep = (r) => /\/client\/sessions\/[^/]+\/(tokens|touch)/.test(r)
    return {
      load,
      lifecycle: s.seen.filter((r) => !upkeep(r)),
      upkeep: s.seen.filter(upkeep),
      shown,
    }
  } catch (error) {
    return { pending: `clerk-js lifecycle failed: ${error.message.split('\n')[0]}` }
  } finally {
    await s.close()
  }
}

const TEN = Array.from({ length: 9 }, (_, i) => ({
  email_address: `user${i}@example.com`,
  verified: true,
}))

async function typing(browser, base) {
  const s = await scenario(browser, base, {
    users: [
      {
        email_addresses: [
          { email_address: 'jane@example.com', verified: true, primary: true },
          ...TEN.slice(1),
          { email_address: 'pending@example.com', verified: false },
        ],
      },
    ],
  })
  try {
    const user = await s.me()
    const pending = user.email_addresses.find((e) => e.email_address === 'pending@example.com')
    await s.open('typing', { verify: pending.id })
    await s.page.waitForSelector('[data-slot="rea-email-list-item"]')
    const rows = await s.page.locator('[data-slot="rea-email-list-item"]').count()
    const typed = async (selector, text) => {
      await s.page.click(selector)
      await settle(100)
      await s.page.evaluate(() => window.bench.resetCommits())
      await s.page.keyboard.type(text, { delay: 20 })
      await settle(200)
      return s.page.evaluate(() => JSON.parse(JSON.stringify(window.bench.commits)))
    }
    const email = 'new.person@example.com'
    const add = await typed('#add input', email)
    const code = '12345'
    const verify = await typed('#verify input', code)
    const summary = (commits, id, keys) => ({
      keystrokes: keys,
      commits: commits.byId[id] ?? 0,
      commits_per_keystroke: Math.round(((commits.byId[id] ?? 0) / keys) * 100) / 100,
      list_commits: commits.byId.list ?? 0,
      row_commits: Object.values(commits.rows).reduce((a, b) => a + b, 0),
      rows,
    })
    return {
      add: summary(add, 'add', email.length),
      verify: summary(verify, 'verify', code.length),
      errors: s.errors,
    }
  } finally {
    await s.close()
  }
}

/** Jane's primary and `count` more verified rows (`row0@example.com`, …) to remove or make primary. */
function rowsSeed(count) {
  const rows = Array.from({ length: count }, (_, i) => ({
    email_address: `row${i}@example.com`,
    verified: true,
  }))
  return {
    users: [
      {
        email_addresses: [
          { email_address: 'jane@example.com', verified: true, primary: true },
          ...rows,
        ],
      },
    ],
  }
}

/** Optimistic delete and make-primary through the list's own buttons: commits and latency. */
async function optimistic(browser, base, extra = {}) {
  const count = LATENCY_SAMPLES + 6
  const s = await scenario(browser, base, rowsSeed(count))
  try {
    await s.open('list', extra)
    await s.page.waitForSelector('[data-slot="rea-email-list-item"]')
    const row = (email) =>
      s.page.locator('[data-slot="rea-email-list-item"]').filter({ hasText: email })
    const removals = []
    let deleteCommits = null
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      const email = `row${i}@example.com`
      await row(email).getByRole('button', { name: 'Remove' }).click()
      const confirm = s.page
        .locator('[data-slot="rea-email-list-item-confirm"]')
        .getByRole('button', { name: 'Remove' })
      await confirm.waitFor()
      await settle(50)
      await s.page.evaluate((email) => {
        window.bench.resetCommits()
        window.__watch = window.bench.watchLatency(email, 'removed')
      }, email)
      const answered = s.page.waitForResponse((r) => r.url().includes('_method=DELETE'))
      await confirm.click()
      removals.push(await s.page.evaluate(() => window.__watch))
      await answered
      await settle(150)
      if (i === 0) {
        const c = await s.page.evaluate(() => JSON.parse(JSON.stringify(window.bench.commits)))
        deleteCommits = {
          list_commits: c.byId.list ?? 0,
          row_commits: Object.values(c.rows).reduce((a, b) => a + b, 0),
          rows_before: count + 1,
        }
      }
    }
    const primaries = []
    for (let i = LATENCY_SAMPLES; i < count; i += 1) {
      const email = `row${i}@example.com`
      await s.page.evaluate((email) => {
        window.__watch = window.bench.watchLatency(email, 'primary')
      }, email)
      const answered = s.page.waitForResponse((r) => r.url().includes('_method=PATCH'))
      await row(email)
        .getByRole('button', { name: /primary/i })
        .click()
      primaries.push(await s.page.evaluate(() => window.__watch))
      await answered
      await settle(150)
    }
    const baseline = []
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      await s.page.evaluate(
        (row) => {
          window.__watch = window.bench.watchLatency(row, 'removed', '[data-slot="baseline-item"]')
        },
        `base${String(i).padStart(2, '0')}`,
      )
      await s.page
        .getByRole('button', { name: `Drop base${String(i).padStart(2, '0')}`, exact: true })
        .click()
      baseline.push(await s.page.evaluate(() => window.__watch))
      await settle(50)
    }
    return { removals, primaries, baseline, deleteCommits, errors: s.errors }
  } finally {
    await s.close()
  }
}

/**
 * The same optimistic changes from the settings page's headless panel (`HeadlessEmails`: the hooks
 * alone, no confirmation step), on the same page as the list.
 */
async function headless(browser, base) {
  const count = LATENCY_SAMPLES + 6
  const s = await scenario(browser, base, rowsSeed(count))
  const ROWS = '[data-testid="headless"] li'
  try {
    await s.open('list')
    await s.page.waitForSelector(ROWS)
    const panel = s.page.getByTestId('headless')
    const measure = async (email, change, button, method) => {
      await s.page.evaluate(
        ([email, change, rows]) => {
          window.__watch = window.bench.watchLatency(email, change, rows)
        },
        [email, change, ROWS],
      )
      const answered = s.page.waitForResponse((r) => r.url().includes(`_method=${method}`))
      await panel.getByRole('button', { name: button, exact: true }).click()
      const sample = await s.page.evaluate(() => window.__watch)
      await answered
      await settle(150)
      return sample
    }
    const removals = []
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      const email = `row${i}@example.com`
      removals.push(await measure(email, 'removed', `Remove ${email}`, 'DELETE'))
    }
    const primaries = []
    for (let i = LATENCY_SAMPLES; i < count; i += 1) {
      const email = `row${i}@example.com`
      primaries.push(await measure(email, 'primary', `Make primary ${email}`, 'PATCH'))
    }
    return { removals, primaries, errors: s.errors }
  } finally {
    await s.close()
  }
}

async function renderTimes(browser, base) {
  const max = Math.max(...RENDER_SIZES)
  const s = await scenario(browser, base, {
    users: [
      {
        email_addresses: Array.from({ length: max }, (_, i) => ({
          email_address: `person${String(i).padStart(4, '0')}@example.com`,
          verified: true,
          primary: i === 0,
        })),
      },
    ],
  })
  try {
    await s.open('render')
    await s.page.waitForFunction(() => typeof window.bench?.renderTimes === 'function')
    return await s.page.evaluate(
      ([sizes, runs]) => window.bench.renderTimes(sizes, runs),
      [RENDER_SIZES, RENDER_RUNS],
    )
  } finally {
    await s.close()
  }
}

/**
 * Runs every browser benchmark and returns the figures (objects with `bench`, `name`, `how`).
 * `about.chromium` is set to the browser's version.
 */
export async function browserFigures(about = {}) {
  const { chromium } = await import('playwright-core')
  const build = await buildPlayground({ pages: ['bench', 'clerkJs'], profiling: true })
  const pages = await startPlaygroundServer({ dir: build.dir })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumConfig.executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  about.chromium = `Chromium ${browser.version()}`
  const figures = []
  const where = 'Chromium (Debian, headless) against the emulator HTTP server on 127.0.0.1'
  try {
    const ours = await lifecycleOurs(browser, pages.url)
    figures.push({
      bench: 'requests',
      name: 'lifecycle through the hooks (list, create, prepare, attempt, set primary, delete)',
      requests: ours.load.length + ours.lifecycle.length,
      refetches: gets(ours.lifecycle),
      load_requests: ours.load,
      lifecycle_requests: ours.lifecycle,
      final_addresses: ours.shown,
      how: `${where}; FAPI requests seen by the page (method as _method), each hook's mutateAsync awaited in turn, then 500 ms idle`,
    })
    const ten = await tenConsumers(browser, pages.url)
    figures.push({
      bench: 'requests',
      name: 'ten useEmailAddresses consumers',
      requests: ten.requests.length,
      gets: gets(ten.requests),
      how: `${where}; 10 components mounted at once, counted until all show data + 300 ms`,
    })
    const clerk = await lifecycleClerk(browser, pages.url)
    figures.push(
      clerk.pending
        ? {
            bench: 'requests',
            name: 'lifecycle through clerk-js 6.40 resource methods',
            pending: clerk.pending,
          }
        : {
            bench: 'requests',
            name: 'lifecycle through clerk-js 6.40 resource methods',
            requests: clerk.lifecycle.length,
            refetches: gets(clerk.lifecycle),
            load_requests: clerk.load.length,
            load: clerk.load,
            lifecycle_requests: clerk.lifecycle,
            session_upkeep_requests: clerk.upkeep.length,
            final_addresses: clerk.shown,
            how: `${where}; clerk.browser.js with proxyUrl and a pk_test_ key on *.accounts.dev; Clerk.load() counted apart; user.createEmailAddress, prepareVerification, attemptVerification, user.update({primaryEmailAddressId}), destroy; session token/touch requests counted apart`,
          },
    )
    const t = await typing(browser, pages.url)
    for (const [name, part] of [
      ['AddEmailForm', t.add],
      ['VerifyCodeInput', t.verify],
    ]) {
      figures.push({
        bench: 'rendering',
        name: `typing in ${name}`,
        ...part,
        how: `${where}; production React (react-dom/profiling), <Profiler> around the form, the list and each row; Playwright keyboard.type, 20 ms apart; list of ${part.rows} rows mounted beside it`,
      })
    }
    const o = await optimistic(browser, pages.url)
    figures.push({
      bench: 'rendering',
      name: 'one optimistic delete (EmailList confirm → server answer)',
      ...o.deleteCommits,
      how: `${where}; <Profiler> around EmailList and each row; commits from the confirm click until the DELETE answered + 150 ms`,
    })
    const m = await headless(browser, pages.url)
    const r = await renderTimes(browser, pages.url)
    const medians = {}
    for (const size of RENDER_SIZES) {
      const ms = spread(r[size].ms)
      medians[size] = ms.median
      figures.push({
        bench: 'rendering',
        name: `EmailList mount, ${size} addresses`,
        rows: r[size].rows,
        ms,
        ms_with_layout: spread(r[size].layoutMs),
        us_per_row: Math.round((ms.median / size) * 1000),
        how: `${where}; production React; pre-filled QueryClient, flushSync(root.render) timed with performance.now(), ${RENDER_RUNS} runs after 1 warm-up; with_layout adds a forced layout`,
      })
    }
    const [a, b, c] = RENDER_SIZES
    const slopeLow = (medians[b] - medians[a]) / (b - a)
    const slopeHigh = (medians[c] - medians[b]) / (c - b)
    figures.push({
      bench: 'rendering',
      name: 'EmailList mount growth',
      ms_per_row_10_to_100: Math.round(slopeLow * 1000) / 1000,
      ms_per_row_100_to_1000: Math.round(slopeHigh * 1000) / 1000,
      ratio_1000_to_100: Math.round((medians[c] / medians[b]) * 100) / 100,
      linear: slopeHigh <= slopeLow * 1.5,
      how: 'median mount times; linear when the per-row cost from 100 to 1,000 is at most 1.5× the per-row cost from 10 to 100',
    })
    const panel =
      "; the rows are the settings page's headless panel (playground/common/headless-emails.tsx: the hooks alone, no confirmation step)"
    for (const [name, samples, what = ''] of [
      ['click → optimistic row removal (confirm Remove)', o.removals],
      ['click → optimistic primary badge (Make primary)', o.primaries],
      ['baseline: click → row removed by a plain useState update', o.baseline],
      ['hooks alone: click → optimistic row removal (useDeleteEmailAddress)', m.removals, panel],
      ['hooks alone: click → optimistic primary (useSetPrimaryEmailAddress)', m.primaries, panel],
    ]) {
      figures.push({
        bench: 'latency',
        name,
        click_to_dom_ms: spread(samples.map((x) => x.clickToChangeMs)),
        click_to_next_frame_ms: spread(samples.map((x) => x.clickToFrameMs)),
        same_frame: `${samples.filter((x) => x.sameFrame).length}/${samples.length}`,
        ...(samples.some((x) => x.clickToCacheMs !== null)
          ? {
              click_to_cache_write_ms: spread(
                samples.filter((x) => x.clickToCacheMs !== null).map((x) => x.clickToCacheMs),
              ),
            }
          : {}),
        how: `${where}; Playwright click; from the click event's timeStamp to a MutationObserver seeing the row change, and to the next requestAnimationFrame; same frame = the change was in the DOM before the first frame after the click; cache write = the query cache's last update event before the change${what}`,
      })
    }
    const errors = [...t.errors, ...o.errors, ...m.errors]
    if (errors.length) {
      figures.push({ bench: 'browser', name: 'page errors', errors })
    }
  } finally {
    await browser.close()
    await pages.close()
    await build.remove()
  }
  return figures
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const figure of await browserFigures()) {
    process.stdout.write(`${JSON.stringify(figure)}\n`)
  }
}
