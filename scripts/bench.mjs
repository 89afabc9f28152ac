/**
 * `npm run bench`: every performance figure of the library, side by side with Clerk's, as one JSON
 * line each on stdout, and into `docs/benchmarks.json` (committed), from which the tables in the docs
 * are then rendered (`scripts/bench-docs.mjs`). Each figure says how it was measured. Progress goes to
 * stderr.
 *
 *   node scripts/bench.mjs [--no-build] [--only=size,emulator,browser]
 *
 * `--only` measures some steps and replaces only theirs in `docs/benchmarks.json`.
 *
 * 1. size: `size-limit --json` over `.size-limit.cjs` (budgets: api + hooks ≤ 4 kB, "." ≤ 12 kB,
 *    styles.css ≤ 2 kB, gzip), the Clerk checks in the same run, and the biggest contributors
 *    (esbuild metafile, same settings) of each budget that fails.
 * 2. emulator: `test/bench/emulator-bench.ts` (requests/second on loopback and in-process).
 * 3. browser: `scripts/bench-browser.mjs` (requests, commits, render times, click latency).
 *
 * A benchmark that fails is reported as a figure with `error`, and the run exits 1. Budgets over
 * their limit do not fail this script: `npm run size` is the gate.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BENCHMARKS_JSON, readBenchmarks, syncDocs } from './bench-docs.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const only = (args.find((a) => a.startsWith('--only=')) ?? '--only=size,emulator,browser')
  .slice('--only='.length)
  .split(',')
const CLERK_UI = '@clerk/ui@1.36.0'
const EMULATOR_REQUESTS = 1000

const log = (message) => process.stderr.write(`[bench] ${message}\n`)

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5 * 60_000,
    ...options,
  })
  if (result.error) {
    throw result.error
  }
  return result
}

/** `@clerk/ui`'s published tarball, unpacked into `.bench/clerk-ui` for the Clerk size check. */
function fetchClerkUi() {
  const dir = join(root, '.bench/clerk-ui')
  if (existsSync(join(dir, 'package/dist/ui.shared.browser.js'))) {
    return true
  }
  spawnSync('mkdir', ['-p', dir])
  const packed = run('npm', ['pack', CLERK_UI, '--pack-destination', dir, '--silent'])
  const file = packed.stdout.trim().split('\n').pop()
  if (packed.status !== 0 || !file) {
    log(`could not fetch ${CLERK_UI}; the Clerk UI size is left out`)
    return false
  }
  return run('tar', ['xzf', join(dir, file), '-C', dir]).status === 0
}

const BUDGETED = ['api + hooks', 'everything in "."', 'styles.css']

/** Groups esbuild's metafile inputs by package or by `src/<layer>/<part>`. */
function contributors(metafile) {
  const groups = {}
  let total = 0
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
      const key = pkg
        ? pkg[1]
        : input
            .replace(/^.*?src\//, 'src/')
            .split('/')
            .slice(0, 3)
            .join('/')
            .replace(/\.(tsx?|css)$/, '')
      groups[key] = (groups[key] ?? 0) + bytesInOutput
      total += bytesInOutput
    }
  }
  return Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([part, bytes]) => ({
      part,
      minified_bytes: bytes,
      share: `${Math.round((bytes / total) * 100)}%`,
    }))
}

/** The same esbuild settings as @size-limit/esbuild, on the sources, with a metafile. */
async function contributorsOf(name, sizeConfig) {
  const esbuild = await import('esbuild')
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
  const check = sizeConfig.find((c) => c.name === name)
  const exports = check?.import ? Object.values(check.import)[0] : null
  const contents = exports
    ? `import ${exports} from './src/index.ts'\nconsole.log(${exports.replace(/[{}]/g, '')})`
    : `export * from './src/index.ts'`
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    outdir: join(root, '.bench/contributors'),
    external: Object.keys(pkg.peerDependencies ?? {}),
    logLevel: 'silent',
  })
  return contributors(result.metafile)
}

async function sizeFigures() {
  const haveUi = fetchClerkUi()
  log('size-limit --json')
  // SIZE_LIMIT_CLERK=1 adds the Clerk checks to .size-limit.cjs (the budget gate leaves them out).
  const result = run('npx', ['size-limit', '--json'], {
    env: { ...process.env, SIZE_LIMIT_CLERK: '1' },
  })
  const checks = JSON.parse(result.stdout)
  if (!Array.isArray(checks)) {
    throw new Error(`size-limit: ${result.stdout}${result.stderr}`)
  }
  const { createRequire } = await import('node:module')
  const sizeConfig = createRequire(import.meta.url)(join(root, '.size-limit.cjs'))
  const byName = Object.fromEntries(checks.map((c) => [c.name, c]))
  const figures = []
  for (const check of checks) {
    if (check.name.endsWith(' (brotli)')) {
      continue
    }
    const brotli = byName[`${check.name} (brotli)`]
    const budgeted = BUDGETED.includes(check.name)
    const clerk = check.name.startsWith('Clerk')
    figures.push({
      bench: 'size',
      name: check.name,
      gzip_bytes: check.size,
      brotli_bytes: brotli?.size ?? null,
      ...(budgeted ? { limit_gzip_bytes: check.sizeLimit, passed: check.passed } : {}),
      how: clerk
        ? check.name.includes('as published')
          ? 'size-limit 12.1 @size-limit/file: gzip -9 / brotli -11 of the published browser files that @clerk/react loads at run time'
          : 'size-limit 12.1 preset-small-lib: esbuild bundle + minify of a <UserProfile/> entry, react/react-dom external, gzip -9 / brotli -11'
        : check.name.includes('with its peers')
          ? 'size-limit 12.1 preset-small-lib: esbuild bundle + minify of dist/index.js with deps and peers in, react/react-dom external, gzip -9 / brotli -11'
          : 'size-limit 12.1 preset-small-lib: esbuild bundle + minify of dist/ (deps in, peers external), gzip -9 / brotli -11',
    })
  }
  const total = (pick) =>
    figures.filter((f) => f.name.startsWith('Clerk:')).reduce((sum, f) => sum + (f[pick] ?? 0), 0)
  const ours = figures.find((f) => f.name === 'everything in "."')
  const withPeers = figures.find((f) => f.name === 'everything in "." with its peers except React')
  if (ours) {
    figures.push({
      bench: 'size',
      name: 'Clerk <UserProfile/> (React SDK + clerk.browser.js + UI) vs everything in "."',
      clerk_gzip_bytes: total('gzip_bytes'),
      clerk_brotli_bytes: total('brotli_bytes'),
      ours_gzip_bytes: ours.gzip_bytes,
      ratio_gzip: Math.round((total('gzip_bytes') / ours.gzip_bytes) * 10) / 10,
      ours_with_peers_gzip_bytes: withPeers?.gzip_bytes ?? null,
      ratio_gzip_with_peers: withPeers
        ? Math.round((total('gzip_bytes') / withPeers.gzip_bytes) * 10) / 10
        : null,
      clerk_ui_included: haveUi,
      how: 'sum of the Clerk: checks above (what the browser downloads to show the email section, React excluded) over ours with peers external (react-query, react-hook-form, zod are the app’s to share), and over ours with those peers bundled in',
    })
  }
  // Where the bytes go, for the two code budgets (always: docs/benchmarks.md explains them).
  for (const name of BUDGETED.slice(0, 2)) {
    if (byName[name]) {
      figures.push({
        bench: 'size',
        name: `biggest contributors to "${name}"`,
        parts: await contributorsOf(name, sizeConfig),
        how: 'esbuild metafile bytesInOutput (minified, before gzip) of the same entry built from src/ with the same settings, grouped by package or src/<layer>/<part>',
      })
    }
  }
  return figures
}

async function emulatorFigures() {
  log('emulator bench')
  const bundle = join(root, '.bench/emulator-bench.mjs')
  const built = run('npx', [
    'rolldown',
    'test/bench/emulator-bench.ts',
    '--platform',
    'node',
    '--format',
    'esm',
    '--file',
    relative(root, bundle),
  ])
  if (built.status !== 0) {
    throw new Error(`rolldown: ${built.stderr}`)
  }
  const result = run('node', [bundle, String(EMULATOR_REQUESTS)])
  if (result.status !== 0) {
    throw new Error(result.stderr)
  }
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map((f) => ({
      bench: 'emulator',
      name: `${f.benchmark} (${f.transport})`,
      requests_per_second: f.requests_per_second,
      requests: f.requests,
      concurrency: f.concurrency,
      seconds: f.seconds,
      how: `test/bench/emulator-bench.ts: ${f.requests} requests after 100 warm-up, ${f.concurrency} in flight, ${f.transport === 'http' ? 'node fetch over HTTP to 127.0.0.1' : 'emulator.fetch in-process'}`,
    }))
}

async function main() {
  if (!args.includes('--no-build')) {
    log('npm run build')
    const built = run('npm', ['run', 'build'])
    if (built.status !== 0) {
      throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`)
    }
  }
  const runs = {}
  let failed = false
  const steps = {
    size: sizeFigures,
    emulator: emulatorFigures,
    browser: async (about) => {
      log('browser benches (Chromium)')
      return (await import('./bench-browser.mjs')).browserFigures(about)
    },
  }
  for (const [name, step] of Object.entries(steps)) {
    if (!only.includes(name)) {
      continue
    }
    const started = performance.now()
    const about = {}
    const figures = []
    try {
      for (const figure of await step(about)) {
        figures.push(figure)
        process.stdout.write(`${JSON.stringify(figure)}\n`)
      }
    } catch (error) {
      failed = true
      const figure = {
        bench: name,
        name: `${name} benchmarks`,
        error: String(error?.message ?? error),
      }
      figures.push(figure)
      process.stdout.write(`${JSON.stringify(figure)}\n`)
    }
    runs[name] = {
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cores: cpus().length,
      ...about,
      seconds: Math.round((performance.now() - started) / 1000),
      figures,
    }
  }
  // The figures of the steps not run this time stay as they were.
  const previous = existsSync(BENCHMARKS_JSON) ? await readBenchmarks() : { runs: {} }
  const data = {
    '//': 'Written by `npm run bench`; the tables between <!-- bench:… --> markers in README.md and docs/*.md are rendered from it (`npm run bench:docs`, checked by test/docs.test.ts).',
    runs: Object.fromEntries(
      Object.keys(steps)
        .map((step) => [step, runs[step] ?? previous.runs[step]])
        .filter(([, value]) => value),
    ),
  }
  const prettier = await import('prettier')
  const json = await prettier.format(JSON.stringify(data), {
    ...(await prettier.resolveConfig(BENCHMARKS_JSON)),
    filepath: BENCHMARKS_JSON,
  })
  await writeFile(BENCHMARKS_JSON, json)
  const rendered = await syncDocs()
  log(
    `wrote ${relative(root, BENCHMARKS_JSON)}${rendered.length ? `; tables rendered in ${rendered.join(', ')}` : ''}`,
  )
  if (failed) {
    process.exitCode = 1
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`)
  process.exitCode = 1
})
