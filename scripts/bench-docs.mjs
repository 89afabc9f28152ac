/**
 * The benchmark figures in the docs come from one place: `docs/benchmarks.json`, written by `npm run
 * bench`. This renders the tables the docs show from it, between marker comments in any Markdown file
 * under `docs/` and in README.md:
 *
 *   <!-- bench:summary -->
 *   (generated: a table and the line that says when it was measured)
 *   <!-- /bench -->
 *
 * Tables: `summary` (the headline figures), `versus` (the README's measured comparison with Clerk's
 * `<UserProfile/>`), `size`, `requests`, `rendering`, `latency`, `emulator` (every figure of that
 * kind). `node scripts/bench-docs.mjs` (`npm run bench:docs`) rewrites the
 * marked tables; `--check` only reports the files whose tables differ from the JSON (exit 1), as
 * `test/docs.test.ts` does inside `npm test`. Tables are formatted by Prettier, so `prettier --check`
 * agrees with them. Plain JavaScript for Node 20; types in `bench-docs.d.mts`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
/** Where `npm run bench` writes its figures. */
export const BENCHMARKS_JSON = join(root, 'docs/benchmarks.json')

/** DESIGN.md's budgets (gzip), which the limits in `.size-limit.cjs` are compared with. */
const DESIGN_TARGETS = { 'api + hooks': 4000, 'everything in "."': 12000, 'styles.css': 2000 }

const kB = (bytes) => (bytes == null ? '–' : `${(bytes / 1000).toFixed(2)} kB`)
const kB1 = (bytes) => (bytes == null ? '–' : `${(bytes / 1000).toFixed(1)} kB`)
const ms = (s) => `${s.median} ms (min ${s.min}, max ${s.max}, p90 ${s.p90}, n=${s.n})`

/** One detail row per figure: what, value, how. */
function row(f) {
  if (f.error || f.pending) {
    return [f.name, f.error ? `error: ${f.error}` : `pending: ${f.pending}`, '']
  }
  switch (f.bench) {
    case 'size':
      if (f.parts) {
        return [
          f.name,
          f.parts.map((p) => `${p.part} ${kB(p.minified_bytes)} (${p.share})`).join(', '),
          'minified bytes before gzip (esbuild metafile)',
        ]
      }
      if (f.ratio_gzip) {
        return [
          f.name,
          `${kB(f.clerk_gzip_bytes)} vs ${kB(f.ours_gzip_bytes)} gzip: **${f.ratio_gzip}×** (${
            f.ratio_gzip_with_peers
          }× vs ours with peers, ${kB(f.ours_with_peers_gzip_bytes)})`,
          f.clerk_ui_included ? 'sum of the Clerk rows' : 'sum of the Clerk rows (UI missing)',
        ]
      }
      return [
        f.name,
        `${kB(f.gzip_bytes)} gzip, ${kB(f.brotli_bytes)} brotli${
          f.limit_gzip_bytes
            ? ` (budget ${kB(f.limit_gzip_bytes)}: ${f.passed ? 'pass' : '**over**'})`
            : ''
        }`,
        f.name.includes('as published')
          ? 'published files, gzip/brotli'
          : 'size-limit (esbuild, minified)',
      ]
    case 'requests':
      return [
        f.name,
        f.gets !== undefined
          ? `${f.requests} request (${f.gets} GET)`
          : `${f.requests} requests, ${f.refetches} refetches${
              typeof f.load_requests === 'number' ? ` (+${f.load_requests} to load clerk-js)` : ''
            }`,
        'Chromium → emulator over HTTP, requests counted by the page',
      ]
    case 'rendering':
      if (f.ms) {
        return [f.name, `${ms(f.ms)}; ${f.us_per_row} µs/row`, 'production React, flushSync mount']
      }
      if (f.linear !== undefined) {
        return [
          f.name,
          `${f.ms_per_row_10_to_100} → ${f.ms_per_row_100_to_1000} ms/row: ${f.linear ? 'linear' : '**not linear**'}`,
          'slopes of the medians',
        ]
      }
      if (f.keystrokes) {
        return [
          f.name,
          `${f.commits_per_keystroke} commits/keystroke; list ${f.list_commits}, rows ${f.row_commits}`,
          'React Profiler, Chromium',
        ]
      }
      return [
        f.name,
        `${f.list_commits} list commits, ${f.row_commits} row commits (${f.rows_before} rows)`,
        'React Profiler, Chromium',
      ]
    case 'latency':
      return [
        f.name,
        `${ms(f.click_to_dom_ms)}; same frame ${f.same_frame}`,
        'click timeStamp → MutationObserver, Chromium',
      ]
    case 'emulator':
      return [f.name, `${f.requests_per_second.toLocaleString('en')} req/s`, f.how.split(': ')[1]]
    default:
      return [f.name, JSON.stringify(f.errors ?? f), '']
  }
}

/** A Markdown table; `<UserProfile/>` and the like in a cell become code, pipes are escaped. */
function markdownTable(header, rows) {
  const cell = (value) =>
    String(value)
      .replace(/\|/g, '\\|')
      .replace(/<([A-Za-z][^>]*)>/g, '`<$1>`')
  return [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.map(cell).join(' | ')} |`)
    .join('\n')
}

/** Every figure of the runs in `data`, in the order they were measured. */
function allFigures(data) {
  return Object.values(data.runs).flatMap((run) => run.figures)
}

/** The figure called `name`, unless it failed or is still pending. */
function measured(figures, name) {
  return figures.find((f) => f.name === name && !f.error && !f.pending)
}

/** "Measured by `npm run bench` on …" for the runs the figures come from. */
function measuredLine(data, steps) {
  const runs = steps.map((step) => data.runs[step]).filter(Boolean)
  if (!runs.length) {
    return 'Not measured yet: run `npm run bench`.'
  }
  const chromium = runs.find((r) => r.chromium)?.chromium
  const machine = (r) => `Node ${r.node}, ${r.cores} cores`
  const same = runs.every((r) => r.date === runs[0].date && machine(r) === machine(runs[0]))
  if (same) {
    return `Measured by \`npm run bench\` on ${runs[0].date} (${machine(runs[0])}${chromium ? `, ${chromium}` : ''}).`
  }
  const each = steps
    .filter((step) => data.runs[step])
    .map((step) => {
      const r = data.runs[step]
      return `${step} on ${r.date} (${machine(r)}${r.chromium ? `, ${r.chromium}` : ''})`
    })
  return `Measured by \`npm run bench\`: ${each.join('; ')}.`
}

/** The headline figures, one line each, as the docs' summary shows them. */
function summaryRows(data) {
  const figures = allFigures(data)
  const find = (name) => measured(figures, name)
  const rows = []
  const size = (label, name, how) => {
    const f = find(name)
    if (!f) {
      return
    }
    const target = DESIGN_TARGETS[name]
    const limit = f.limit_gzip_bytes ? `limit ${kB1(f.limit_gzip_bytes)}` : null
    const design =
      target && target !== f.limit_gzip_bytes
        ? `design target ${kB1(target)}: ${f.gzip_bytes <= target ? 'met' : '**not met**'}`
        : null
    const notes = [limit, design].filter(Boolean).join('; ')
    rows.push([label, `${kB1(f.gzip_bytes)} gzip${notes ? ` (${notes})` : ''}`, how])
  }
  size('size: api + hooks', 'api + hooks', 'size-limit, esbuild, minified, peers external')
  size('size: everything in `.`', 'everything in "."', 'same')
  size('size: `styles.css`', 'styles.css', 'same')
  const reported = ['./clerk', './locales', './server'].map(find)
  if (reported.every(Boolean)) {
    rows.push([
      'size: `./clerk` / `./locales` / `./server`',
      `${reported.map((f) => (f.gzip_bytes / 1000).toFixed(1)).join(' / ')} kB gzip (reported, no limit)`,
      'same',
    ])
  }
  const clerk = figures.find((f) => f.ratio_gzip)
  if (clerk) {
    rows.push([
      'Clerk `<UserProfile/>` (React SDK + clerk-js + UI)',
      `${kB1(clerk.clerk_gzip_bytes)} gzip: **${clerk.ratio_gzip}×** ours (${clerk.ratio_gzip_with_peers}× ours with all our peers bundled in)`,
      'same settings, published files',
    ])
  }
  const requests = (label, name, how) => {
    const f = find(name)
    if (f) {
      rows.push([label, row(f)[1], how])
    }
  }
  requests(
    'full lifecycle through the hooks',
    'lifecycle through the hooks (list, create, prepare, attempt, set primary, delete)',
    'Chromium → emulator over HTTP',
  )
  requests('ten `useEmailAddresses` consumers', 'ten useEmailAddresses consumers', 'same')
  requests(
    'the same lifecycle through clerk-js 6.40',
    'lifecycle through clerk-js 6.40 resource methods',
    'same',
  )
  const add = find('typing in AddEmailForm')
  const verify = find('typing in VerifyCodeInput')
  if (add && verify) {
    const untouched = [add, verify].every((f) => f.list_commits === 0 && f.row_commits === 0)
    rows.push([
      'typing in `AddEmailForm` / `VerifyCodeInput`',
      `${add.commits_per_keystroke} / ${verify.commits_per_keystroke} commits per keystroke; ${
        untouched
          ? '0 list or row commits'
          : `list ${add.list_commits} / ${verify.list_commits}, rows ${add.row_commits} / ${verify.row_commits}`
      }`,
      'React Profiler, Chromium',
    ])
  }
  const del = find('one optimistic delete (EmailList confirm → server answer)')
  if (del) {
    rows.push([
      `one optimistic delete in a ${del.rows_before}-row list`,
      `${del.list_commits} list commits, ${del.row_commits} row commits`,
      'same',
    ])
  }
  const mounts = [10, 100, 1000].map((n) => find(`EmailList mount, ${n} addresses`))
  const growth = find('EmailList mount growth')
  if (mounts.every(Boolean)) {
    rows.push([
      '`EmailList` mount at 10 / 100 / 1,000 addresses',
      `${mounts.map((f) => f.ms.median).join(' / ')} ms median (max ${mounts.map((f) => f.ms.max).join(' / ')})${
        growth ? ` — ${growth.linear ? 'linear' : '**not linear**'}` : ''
      }`,
      `production React, ${mounts[0].ms.n} runs`,
    ])
  }
  const latency = (label, removal, primary, how) => {
    const r = find(removal)
    const p = find(primary)
    if (r && p) {
      rows.push([
        label,
        `row removal ${r.click_to_dom_ms.median} ms, same frame ${r.same_frame}; primary ${p.click_to_dom_ms.median} ms, same frame ${p.same_frame}`,
        how,
      ])
    }
  }
  latency(
    'click → optimistic change (`EmailList`)',
    'click → optimistic row removal (confirm Remove)',
    'click → optimistic primary badge (Make primary)',
    'click timeStamp → MutationObserver, Chromium',
  )
  latency(
    'click → optimistic change (the demo’s headless panel, hooks alone)',
    'hooks alone: click → optimistic row removal (useDeleteEmailAddress)',
    'hooks alone: click → optimistic primary (useSetPrimaryEmailAddress)',
    'same',
  )
  const baseline = find('baseline: click → row removed by a plain useState update')
  if (baseline) {
    rows.push([
      'click → row removed by a plain `useState` (the floor)',
      `${baseline.click_to_dom_ms.median} ms, same frame ${baseline.same_frame}`,
      'same',
    ])
  }
  const emulator = [
    'list GET /v1/me/email_addresses',
    'create + delete /v1/me/email_addresses',
  ].map((name) => [find(`${name} (http)`), find(`${name} (in-process)`)])
  if (emulator.flat().every(Boolean)) {
    const rps = (f) => f.requests_per_second.toLocaleString('en')
    rows.push([
      'emulator over HTTP: list GET / create + delete',
      `${emulator.map(([http]) => rps(http)).join(' / ')} req/s (in-process ${emulator
        .map(([, inProcess]) => rps(inProcess))
        .join(' / ')})`,
      `${emulator[0][0].requests.toLocaleString('en')} requests, ${emulator[0][0].concurrency} in flight, loopback`,
    ])
  }
  return rows
}

/**
 * The measured lines of the README's comparison with Clerk's `<UserProfile/>`: what an app ships
 * and what the whole lifecycle costs, for each.
 */
function versusRows(data) {
  const figures = allFigures(data)
  const find = (name) => measured(figures, name)
  const rows = []
  const clerk = figures.find((f) => f.ratio_gzip)
  if (clerk) {
    rows.push([
      'what an app ships (gzip, React aside)',
      `${kB1(clerk.clerk_gzip_bytes)} (React SDK + clerk-js + its UI)`,
      `${kB1(clerk.ours_gzip_bytes)} of our code; ${kB1(clerk.ours_with_peers_gzip_bytes)} with all our peers`,
    ])
  }
  const ours = find(
    'lifecycle through the hooks (list, create, prepare, attempt, set primary, delete)',
  )
  const theirs = find('lifecycle through clerk-js 6.40 resource methods')
  if (ours && theirs) {
    rows.push([
      'requests for the whole lifecycle',
      `${theirs.requests}, ${theirs.refetches} refetches (+${theirs.load_requests} to load clerk-js)`,
      `${ours.requests}, ${ours.refetches} refetches`,
    ])
  }
  return { header: ['', 'Clerk <UserProfile/>', 'react-email-addresses'], rows }
}

/** The tables a marker can name: the figures they show and the runs they come from. */
const TABLES = {
  summary: { steps: ['size', 'browser', 'emulator'], render: (data) => summaryRows(data) },
  versus: { steps: ['size', 'browser'], render: (data) => versusRows(data) },
  size: { steps: ['size'], bench: ['size'] },
  requests: { steps: ['browser'], bench: ['requests'] },
  rendering: { steps: ['browser'], bench: ['rendering'] },
  latency: { steps: ['browser'], bench: ['latency'] },
  emulator: { steps: ['emulator'], bench: ['emulator'] },
}

/** The names a `<!-- bench:NAME -->` marker may use. */
export const TABLE_NAMES = Object.keys(TABLES)

/** Table `name` as Markdown (not yet formatted), with the line that says when it was measured. */
function renderTable(name, data) {
  const table = TABLES[name]
  if (!table) {
    throw new Error(`no bench table "${name}" (known: ${TABLE_NAMES.join(', ')})`)
  }
  const rendered = table.render
    ? table.render(data)
    : allFigures(data)
        .filter((f) => table.bench.includes(f.bench))
        .map(row)
  const { header, rows } = Array.isArray(rendered)
    ? { header: ['figure', 'measured', 'how'], rows: rendered }
    : rendered
  const body = rows.length ? markdownTable(header, rows) : ''
  return [body, measuredLine(data, table.steps)].filter(Boolean).join('\n\n')
}

const MARKER = /<!-- bench:([\w-]+) -->\n[\s\S]*?<!-- \/bench -->/g

/**
 * `text` with every marked table rendered from `data` and formatted by Prettier (with the options
 * Prettier would use for `file`). Throws on an unknown table or a marker that is never closed.
 */
export async function renderMarkdown(text, data, file = join(root, 'docs/benchmarks.md')) {
  const opened = text.match(/<!-- bench:[\w-]+ -->/g)?.length ?? 0
  const pairs = [...text.matchAll(MARKER)]
  if (opened !== pairs.length) {
    throw new Error(
      `${relative(root, file)}: a <!-- bench:… --> marker without its <!-- /bench -->`,
    )
  }
  const prettier = await import('prettier')
  const options = { ...(await prettier.resolveConfig(file)), parser: 'markdown' }
  let out = ''
  let last = 0
  for (const match of pairs) {
    const formatted = (await prettier.format(renderTable(match[1], data), options)).trimEnd()
    out += `${text.slice(last, match.index)}<!-- bench:${match[1]} -->\n\n${formatted}\n\n<!-- /bench -->`
    last = match.index + match[0].length
  }
  return out + text.slice(last)
}

/** README.md and every Markdown file under `docs/`. */
export async function markdownFiles() {
  const docs = join(root, 'docs')
  const entries = await readdir(docs, { recursive: true }).catch(() => [])
  return [
    join(root, 'README.md'),
    ...entries
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(docs, name)),
  ]
}

/** `docs/benchmarks.json`. */
export async function readBenchmarks() {
  return JSON.parse(await readFile(BENCHMARKS_JSON, 'utf8'))
}

/**
 * Renders every marked table of README.md and `docs/**.md` from `docs/benchmarks.json`. With `write`,
 * rewrites the files that changed. Returns the files whose tables differed (relative paths).
 */
export async function syncDocs({ write = true } = {}) {
  const data = await readBenchmarks()
  const stale = []
  for (const file of await markdownFiles()) {
    const text = await readFile(file, 'utf8')
    const rendered = await renderMarkdown(text, data, file)
    if (rendered !== text) {
      stale.push(relative(root, file))
      if (write) {
        await writeFile(file, rendered)
      }
    }
  }
  return stale
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  const stale = await syncDocs({ write: !check })
  if (check && stale.length) {
    process.stderr.write(
      `bench tables differ from docs/benchmarks.json in: ${stale.join(', ')}\nRun npm run bench:docs.\n`,
    )
    process.exitCode = 1
  } else {
    process.stdout.write(
      stale.length
        ? `bench tables rendered in: ${stale.join(', ')}\n`
        : 'bench tables up to date\n',
    )
  }
}
