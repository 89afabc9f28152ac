// The package as its users meet it: packed (`npm pack`), installed with the README's own command into
// copies of the apps in test/apps (in a temporary folder, outside this repository and its
// node_modules, with the peers from the registry), and used there:
//
//   types  `tsc --noEmit` on every entry with moduleResolution bundler, node16 and nodenext, with
//          TypeScript 6 and 7 and skipLibCheck off;
//   vite   a Vite + React 19 app: `tsc` strict + `vite build`, its shipped JS (gzip) with and without
//          our components, and a client bundle importing `react-email-addresses/server` must not build;
//          the same app on React 18.3 with React 18's types (`vite-react18`), built and driven the same;
//   next   a Next.js App Router app: `next build` (offline, telemetry off) + `next start`, and a client
//          component importing `react-email-addresses/server` must not build.
//
// Then the specs in test/apps run in Chromium against both apps and the emulator CLI of the installed
// package. Every server listens on 127.0.0.1, is stopped (by process group) when the run ends, and
// each wait is bounded. Timings and sizes are printed and written to .tmp/test-apps.json.
//
//   node scripts/test-apps.mjs                  packs the package itself (npm pack builds it)
//   node scripts/test-apps.mjs --tarball FILE   uses a tarball `npm pack` already made (npm test)
//   node scripts/test-apps.mjs --keep           keeps the temporary folder
import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, stripVTControlCharacters } from 'node:util'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
const { values: flags } = parseArgs({
  options: { tarball: { type: 'string' }, keep: { type: 'boolean' } },
})
const SESSION_ID = 'sess_consumerapps'
const SEED = join(root, 'test/apps/emulator-seed.json')
const STEP_MS = 10 * 60_000 // the longest any one command may take (an install on a cold cache)
/** React 18.3 and its types, for the React 18 copy of the Vite app (the peer range's oldest). */
const REACT_18 = [
  'react@18.3.1',
  'react-dom@18.3.1',
  '@types/react@18.3.32',
  '@types/react-dom@18.3.7',
]
const timings = {}
const children = new Set()

function log(message) {
  console.error(`[test-apps] ${message}`)
}

/**
 * Plain text from the tools, whose output is matched below: picocolors (Vite, Next) colours output
 * whenever CI is set, even into a pipe, and the colour codes split what is matched.
 */
const PLAIN = { NO_COLOR: '1', FORCE_COLOR: '0' }

/**
 * Runs a command to its end, bounded; resolves with its output, rejects with it on failure (or
 * resolves with `{ failed: true }` when `expectFailure` is set and it fails, which is then the point).
 */
function run(command, args, { cwd, env = {}, expectFailure = false, timeout = STEP_MS } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...PLAIN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    children.add(child)
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      output += `\n[test-apps] killed after ${timeout / 1000} s`
      stop(child)
    }, timeout)
    child.on('close', (code) => {
      clearTimeout(timer)
      children.delete(child)
      const where = `${command} ${args.join(' ')} (in ${cwd})`
      if (expectFailure) {
        return code === 0
          ? reject(new Error(`${where} succeeded, but it must fail:\n${output}`))
          : resolvePromise({ failed: true, output })
      }
      return code === 0
        ? resolvePromise({ failed: false, output })
        : reject(new Error(`${where} exited with ${code}:\n${output}`))
    })
  })
}

/** Starts a server and resolves once `ready` matches its output (bounded); the match is returned. */
function startServer(name, command, args, { cwd, env = {}, ready, timeout = 60_000 }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...PLAIN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    children.add(child)
    let output = ''
    const timer = setTimeout(() => {
      reject(new Error(`${name} did not start in ${timeout / 1000} s:\n${output}`))
    }, timeout)
    const onData = (chunk) => {
      output += chunk
      // Tools colour their output when CI is set (picocolors reads it), even into a pipe.
      const match = ready.exec(stripVTControlCharacters(output))
      if (match) {
        clearTimeout(timer)
        resolvePromise({ child, match, output: () => output })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('exit', (code) => {
      children.delete(child)
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`))
    })
  })
}

/** Ends a child and everything it started (its process group), by id. */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve()
  }
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return Promise.resolve()
  }
  const force = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }, 5_000)
  return exited.finally(() => clearTimeout(force))
}

/** A free port on 127.0.0.1, for servers whose CLI cannot report the one it picked. */
function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePromise(port))
    })
  })
}

async function timed(name, step) {
  const started = performance.now()
  try {
    return await step()
  } finally {
    timings[name] = Math.round((performance.now() - started) / 100) / 10
    log(`${name}: ${timings[name]} s`)
  }
}

/**
 * The README's install step, as written there: the line `npm install ./….tgz <peers…>`. The test
 * runs exactly that, with the path of the tarball it made.
 */
async function readmeInstall() {
  const readme = await readFile(join(root, 'README.md'), 'utf8')
  const line = /^\s*npm install (\S+\.tgz)((?: [@\w/.-]+)+)\s*$/m.exec(readme)
  if (!line) {
    throw new Error('README.md has no `npm install ./react-email-addresses-<version>.tgz …` line')
  }
  if (!line[1].endsWith(`${pkg.name}-${pkg.version}.tgz`)) {
    throw new Error(
      `README.md installs ${line[1]}, but npm pack makes ${pkg.name}-${pkg.version}.tgz`,
    )
  }
  return line[2].trim().split(' ')
}

/** Gzipped bytes of the JS a built page loads: its module script and every chunk it preloads. */
async function pageJs(dist, page) {
  const html = await readFile(join(dist, page), 'utf8')
  const files = new Set(
    [
      ...html.matchAll(
        /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g,
      ),
    ].map((m) => m[1]),
  )
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const bytes = await readFile(join(dist, file))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { files: files.size, raw, gzip }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'rea-apps-'))
  const started = performance.now()
  const report = { timings, sizes: {} }
  const servers = []
  let ok = false
  try {
    // 1. The tarball, as the README says: `npm pack` in the repository (its prepack builds dist).
    let tarball = flags.tarball ? resolve(flags.tarball) : null
    if (!tarball) {
      await timed('npm pack', () => run('npm', ['pack', '--pack-destination', work], { cwd: root }))
      tarball = join(work, `${pkg.name}-${pkg.version}.tgz`)
    }
    await stat(tarball)
    const install = ['install', '--no-audit', '--no-fund', tarball, ...(await readmeInstall())]
    log(`installing with: npm ${install.join(' ')}`)

    // 2. Copies of the fixtures, each installed with the README's command (in parallel: it is mostly
    // waiting on the registry and the disk).
    const apps = { types: 'types', vite: 'vite', 'vite-react18': 'vite', next: 'next' }
    await timed('install (4 apps, in parallel)', () =>
      Promise.all(
        Object.entries(apps).map(async ([app, fixture]) => {
          await cp(join(root, 'test/apps', fixture), join(work, app), {
            recursive: true,
            filter: (source) => !/[\\/](?:node_modules|\.next|dist)(?:[\\/]|$)/.test(source),
          })
          // vite-react18: the same command with the oldest React the peer range allows, and its own
          // types (named last, they replace the fixture's React 19); the app must build (tsc strict
          // against React 18's types) and run.
          await run('npm', app === 'vite-react18' ? [...install, ...REACT_18] : install, {
            cwd: join(work, app),
          })
        }),
      ),
    )
    const dir = (app) => join(work, app)
    const bin = (app, name) => join(dir(app), 'node_modules/.bin', name)

    // 3. Types: every entry, three resolutions, two compilers. TypeScript 7 (native, seconds) also
    // checks every declaration file (skipLibCheck: false); TypeScript 6 takes three times as long
    // for that, so it runs with --skipLibCheck: an entry that does not resolve, or a type that
    // became `any`, still fails on the app's own lines (test/apps/types/index.ts). Clerk's own
    // declarations do not pass skipLibCheck: false (they import optional packages that are not
    // installed); those lines are not ours and are left out.
    await timed('types: tsc --noEmit x 6', async () => {
      const compilers = {
        'TypeScript 7': [join(dir('types'), 'node_modules/typescript-7/bin/tsc')],
        'TypeScript 6': [bin('types', 'tsc'), '--skipLibCheck'],
      }
      for (const [compiler, [tsc, ...extra]] of Object.entries(compilers)) {
        for (const resolution of ['bundler', 'node16', 'nodenext']) {
          const result = await run(tsc, ['-p', `tsconfig.${resolution}.json`, ...extra], {
            cwd: dir('types'),
          }).catch((error) => ({ failed: true, output: error.message }))
          const errors = result.output
            .split('\n')
            .filter((line) => /error TS\d+/.test(line) && !line.startsWith('node_modules/@clerk/'))
          if (errors.length > 0 || (result.failed && !/error TS/.test(result.output))) {
            throw new Error(
              `${compiler}, moduleResolution ${resolution}:\n${errors.join('\n') || result.output}`,
            )
          }
        }
      }
    })

    // 4. The emulator, from the installed package's bin, with the seed's user id and a fixed
    // session id; it prints both, and the apps are given what it printed.
    const emulator = await startServer(
      'emulator',
      bin('next', 'react-email-addresses-emulator'),
      ['--port', '0', '--seed', SEED, '--session-id', SESSION_ID],
      { cwd: dir('next'), ready: /Signed in: user (\S+), session (\S+) / },
    )
    servers.push(emulator.child)
    const emulatorUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(emulator.output())?.[1]
    const [, userId, sessionId] = emulator.match
    if (!emulatorUrl || userId !== 'user_consumerapps' || sessionId !== SESSION_ID) {
      throw new Error(`the emulator did not print the seeded ids:\n${emulator.output()}`)
    }

    // 5. Vite: strict tsc + build, sizes, the server entry refused at build time, preview.
    await timed('vite: tsc + vite build', () =>
      run('npm', ['run', 'build'], {
        cwd: dir('vite'),
        env: { VITE_EMULATOR_URL: emulatorUrl, VITE_SESSION_ID: sessionId },
      }),
    )
    const withUs = await pageJs(join(dir('vite'), 'dist'), 'index.html')
    const baseline = await pageJs(join(dir('vite'), 'dist'), 'baseline.html')
    report.sizes.vite = {
      page: withUs,
      baseline,
      added: { raw: withUs.raw - baseline.raw, gzip: withUs.gzip - baseline.gzip },
    }
    log(
      `vite: the page ships ${kB(withUs.gzip)} of JS (gzip); without our components ` +
        `${kB(baseline.gzip)}; ours with their peers add ${kB(withUs.gzip - baseline.gzip)}`,
    )
    const viteLeak = await timed('vite: a client bundle importing ./server', () =>
      run(bin('vite', 'vite'), ['build', 'client-imports-server', '--outDir', join(work, 'leak')], {
        cwd: dir('vite'),
        expectFailure: true,
      }),
    )
    if (!/failed to resolve import "server-only"/i.test(viteLeak.output)) {
      throw new Error(`vite build failed, but not on the server-only guard:\n${viteLeak.output}`)
    }
    const react18 = JSON.parse(
      await readFile(join(dir('vite-react18'), 'node_modules/react/package.json'), 'utf8'),
    ).version
    if (!react18.startsWith('18.')) {
      throw new Error(`vite-react18 has React ${react18}, not 18`)
    }
    await timed(`vite on React ${react18}: tsc + vite build`, () =>
      run('npm', ['run', 'build'], {
        cwd: dir('vite-react18'),
        env: { VITE_EMULATOR_URL: emulatorUrl, VITE_SESSION_ID: sessionId },
      }),
    )
    const preview = async (app) => {
      const port = await freePort()
      const server = await startServer(
        `vite preview (${app})`,
        bin(app, 'vite'),
        ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
        { cwd: dir(app), ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/ },
      )
      servers.push(server.child)
      return port
    }
    const vitePort = await preview('vite')
    const viteReact18Port = await preview('vite-react18')

    // 6. Next.js: build offline (SWC is the native binary npm installed from the registry as
    // next's optional dependency @next/swc-linux-x64-gnu; Next would download one only if it
    // failed to load), then start.
    const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' }
    const nextBin = join(dir('next'), 'node_modules/next/dist/bin/next')
    const nextBuild = await timed('next: next build', () =>
      run(process.execPath, [nextBin, 'build'], { cwd: dir('next'), env: nextEnv }),
    )
    if (/Failed to load SWC|download(?:ing)? swc/i.test(nextBuild.output)) {
      throw new Error(`next build did not use the installed SWC binary:\n${nextBuild.output}`)
    }
    const swc = (await readdir(join(dir('next'), 'node_modules/@next'))).filter((name) =>
      name.startsWith('swc-'),
    )
    log(`next: built with SWC from node_modules/@next/${swc.join(', ')}`)
    const nextPort = await freePort()
    const next = await startServer(
      'next start',
      process.execPath,
      [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(nextPort)],
      {
        cwd: dir('next'),
        env: {
          ...nextEnv,
          EMULATOR_URL: emulatorUrl,
          SESSION_ID: sessionId,
          CLERK_SECRET_KEY: 'sk_test_emulator',
        },
        ready: /Ready in/,
      },
    )
    servers.push(next.child)

    // 7. The specs, in Chromium.
    await timed('playwright: test/apps specs', () =>
      run(
        join(root, 'node_modules/.bin/playwright'),
        ['test', '-c', 'test/apps/playwright.config.ts'],
        {
          cwd: root,
          env: {
            VITE_APP_URL: `http://127.0.0.1:${vitePort}`,
            VITE_REACT18_APP_URL: `http://127.0.0.1:${viteReact18Port}`,
            NEXT_APP_URL: `http://127.0.0.1:${nextPort}`,
            EMULATOR_URL: emulatorUrl,
          },
        },
      ).then(({ output }) => process.stderr.write(output)),
    )
    await Promise.all(servers.splice(0).map(stop))

    // 8. Next.js with a client component importing ./server: the build must stop, naming the file.
    await cp(join(dir('next'), 'client-imports-server'), join(dir('next'), 'app/leak'), {
      recursive: true,
    })
    const nextLeak = await timed('next: a client component importing ./server', () =>
      run(process.execPath, [nextBin, 'build'], {
        cwd: dir('next'),
        env: nextEnv,
        expectFailure: true,
      }),
    )
    if (
      !/'server-only' cannot be imported from a Client Component module/.test(nextLeak.output) ||
      !nextLeak.output.includes('react-email-addresses/dist/server/browser.js')
    ) {
      throw new Error(`next build failed, but not on the server-only guard:\n${nextLeak.output}`)
    }
    ok = true
  } finally {
    await Promise.all([...servers, ...children].map(stop))
    timings.total = Math.round((performance.now() - started) / 100) / 10
    await mkdir(join(root, '.tmp'), { recursive: true })
    await writeFile(join(root, '.tmp/test-apps.json'), `${JSON.stringify(report, null, 2)}\n`)
    if (flags.keep || !ok) {
      log(`kept ${work}${ok ? '' : ' (for a look at what failed)'}`)
    } else {
      await rm(work, { recursive: true, force: true })
    }
    log(`total: ${timings.total} s`)
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) {
      stop(child)
    }
    process.exitCode = 1
  })
}

main().then(
  () => log('consumer apps: all passed'),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
