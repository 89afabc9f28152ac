/**
 * Starts the demo: the emulator's HTTP server and the page, on two 127.0.0.1 ports (two origins, so
 * CORS, cookies and `credentials: 'include'` are real). Used by `demo/run.mjs` and the e2e suite.
 *
 * Node 20 runs no TypeScript, so the emulator is built from `src/testing` with Vite's SSR build (one
 * rolldown pass, about a second) into `node_modules/.cache`, imported, and the files deleted: always
 * the current source, no `npm run build` first, nothing written to the repository. The page imports the
 * library from source through an alias: served by Vite's dev server (edits to `src/**` reload it), or,
 * with `build: true`, built once and served as static files (what the e2e suite uses: faster loads).
 * Both servers are plain `node:http` servers we own, so SIGINT and SIGTERM close both.
 *
 * Two pages: `/` (our provider, straight to the emulator) and `/clerk.html` (Clerk mode: Clerk's React
 * SDK and `react-email-addresses/clerk`, beside Clerk's own `<UserProfile/>`). Clerk mode runs the real
 * clerk-js browser build and Clerk's prebuilt UI, served by both page servers from
 * `node_modules/@clerk/clerk-js/dist` under `/clerk/` and `node_modules/@clerk/ui/dist` under
 * `/clerk-ui/`, against the emulator via `proxyUrl`; with `VITE_CLERK_PUBLISHABLE_KEY` set it runs
 * against that Clerk instance instead.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, createServer as createViteServer } from 'vite'
import { clerkJsDist, clerkUiDist, sendFile, TYPES } from '../scripts/static-files.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const HOST = '127.0.0.1'
/** The two HTML entries (Vite multi-page): the plain demo and Clerk mode. */
const PAGES = { index: join(here, 'index.html'), clerk: join(here, 'clerk.html') }

/**
 * The signed-in user the demo starts with (and `POST /__emulator/reset` with no body returns to). The
 * demo offers email links as well as codes, so it switches links on (a fresh instance, the emulator's
 * default, verifies by code only); Clerk's `<UserProfile/>` then verifies added addresses by link.
 */
export const DEMO_SEED = {
  users: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      email_addresses: [{ email_address: 'jane@example.com', verified: true, primary: true }],
    },
  ],
  settings: { strategies: ['email_code', 'email_link', 'enterprise_sso'] },
}

async function scratchDir(name) {
  const cache = join(root, 'node_modules', '.cache')
  await mkdir(cache, { recursive: true })
  return mkdtemp(join(cache, `rea-demo-${name}-`))
}

async function loadEmulator() {
  const outDir = await scratchDir('emulator')
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      build: {
        ssr: true,
        outDir,
        minify: false,
        rolldownOptions: {
          input: {
            testing: join(root, 'src/testing/index.ts'),
            node: join(root, 'src/testing/node.ts'),
          },
          output: { format: 'es', entryFileNames: '[name].mjs' },
        },
      },
    })
    const testing = await import(pathToFileURL(join(outDir, 'testing.mjs')).href)
    const node = await import(pathToFileURL(join(outDir, 'node.mjs')).href)
    return {
      createFapiEmulator: testing.createFapiEmulator,
      startEmulatorServer: node.startEmulatorServer,
    }
  } finally {
    // Both modules are in memory once imported.
    await rm(outDir, { recursive: true, force: true })
  }
}

/**
 * The Clerk instance for Clerk mode, from the environment: a publishable key only. It ends up in the
 * page's JavaScript, so anything else (a secret key pasted by mistake) is refused, never served.
 */
function clerkPublishableKey() {
  const key = process.env.VITE_CLERK_PUBLISHABLE_KEY?.trim() ?? ''
  if (key && !/^pk_(test|live)_[A-Za-z0-9+/=_-]+$/.test(key)) {
    throw new Error('VITE_CLERK_PUBLISHABLE_KEY must be a publishable key (pk_test_… or pk_live_…)')
  }
  return key
}

/** The page's Vite config: React, the library from source, the emulator's URL and the Clerk key. */
function pageConfig(emulatorUrl) {
  return {
    configFile: false,
    root: here,
    logLevel: 'warn',
    clearScreen: false,
    publicDir: false,
    appType: 'spa',
    plugins: [react()],
    resolve: {
      alias: [
        {
          find: /^react-email-addresses\/styles\.css$/,
          replacement: join(root, 'src/styles/styles.css'),
        },
        { find: /^react-email-addresses$/, replacement: join(root, 'src/index.ts') },
        { find: /^react-email-addresses\/clerk$/, replacement: join(root, 'src/clerk/index.ts') },
      ],
    },
    define: {
      'import.meta.env.VITE_EMULATOR_URL': JSON.stringify(emulatorUrl),
      // '' means "no key": Clerk mode then runs clerk-js against the emulator.
      'import.meta.env.VITE_CLERK_PUBLISHABLE_KEY': JSON.stringify(clerkPublishableKey()),
    },
  }
}

function listen(server, port) {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, HOST, () => {
      server.off('error', fail)
      const address = server.address()
      done(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/**
 * Serves clerk-js's browser build under `/clerk/` and Clerk's prebuilt UI under `/clerk-ui/` (each
 * finds its lazy chunks from its script's URL, so they must sit beside it), as the clerk-js specs'
 * page server does. Returns false for other paths.
 */
function serveClerkJs(req, res) {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  for (const [prefix, dist] of [
    ['/clerk/', clerkJsDist],
    ['/clerk-ui/', clerkUiDist],
  ]) {
    if (path.startsWith(prefix)) {
      sendFile(res, dist, path.slice(prefix.length))
      return true
    }
  }
  return false
}

function closeServer(server) {
  return new Promise((done) => {
    server.close(() => done())
    server.closeAllConnections()
  })
}

/** The dev server, in middleware mode on our own HTTP server (so Vite installs no signal handlers). */
async function startDevPage(emulatorUrl, port) {
  const http = createHttpServer()
  const vite = await createViteServer({
    ...pageConfig(emulatorUrl),
    server: {
      middlewareMode: true,
      hmr: { server: http },
      fs: { allow: [root] },
      warmup: { clientFiles: ['./main.tsx', './clerk-main.tsx'] },
    },
    // Pre-bundle every dependency up front: no "new dependencies optimized" reload mid-session.
    optimizeDeps: {
      entries: Object.values(PAGES),
      include: [
        'react',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        '@tanstack/react-query',
        'react-hook-form',
        '@hookform/resolvers/zod',
        'zod/mini',
        'input-otp',
        '@radix-ui/react-slot',
        '@clerk/react',
      ],
    },
  })
  http.on('request', (req, res) => serveClerkJs(req, res) || vite.middlewares(req, res))
  const bound = await listen(http, port).catch(async (error) => {
    await vite.close()
    throw error
  })
  return { port: bound, close: () => Promise.all([vite.close(), closeServer(http)]) }
}

/**
 * A production build of both pages, served from memory with clerk-js's and Clerk UI's dists under
 * `/clerk/` and `/clerk-ui/`; every other unknown path gets index.html (SPA).
 */
async function startBuiltPage(emulatorUrl, port) {
  const outDir = await scratchDir('page')
  const files = new Map()
  try {
    const result = await build({
      ...pageConfig(emulatorUrl),
      build: { outDir, emptyOutDir: true, write: false, rolldownOptions: { input: PAGES } },
    })
    for (const output of [result].flat().flatMap((r) => r.output)) {
      files.set(`/${output.fileName}`, output.type === 'asset' ? output.source : output.code)
    }
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
  const index = files.get('/index.html')
  const http = createHttpServer((req, res) => {
    if (serveClerkJs(req, res)) {
      return
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    // A malformed escape (`/%zz`) would throw here and take the whole demo down with it.
    let path
    try {
      path = normalize(decodeURIComponent(pathname))
    } catch {
      res.writeHead(400).end()
      return
    }
    const body = files.get(path) ?? index
    const type = files.has(path)
      ? (TYPES[extname(path)] ?? 'application/octet-stream')
      : TYPES['.html']
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
    res.end(body)
  })
  const bound = await listen(http, port)
  return { port: bound, close: () => closeServer(http) }
}

/**
 * Starts the emulator and the page. Port 0 picks a free port.
 * @param {{ port?: number, emulatorPort?: number, seed?: object, build?: boolean }} [options]
 */
export async function startDemo(options = {}) {
  const { createFapiEmulator, startEmulatorServer } = await loadEmulator()
  const emulator = createFapiEmulator(options.seed ?? DEMO_SEED)
  const fapi = await startEmulatorServer({
    port: options.emulatorPort ?? 4010,
    host: HOST,
    emulator,
  })
  let page
  try {
    const start = options.build ? startBuiltPage : startDevPage
    page = await start(fapi.url, options.port ?? 5173)
  } catch (error) {
    await fapi.close()
    throw error
  }
  let closing = null
  return {
    url: `http://${HOST}:${page.port}/`,
    emulatorUrl: fapi.url,
    inboxUrl: `${fapi.url}/__emulator/inbox`,
    emulator,
    close() {
      closing ??= Promise.allSettled([page.close(), fapi.close()]).then(() => undefined)
      return closing
    },
  }
}
