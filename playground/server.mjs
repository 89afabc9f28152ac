/**
 * The playground's one build and one server, used by every consumer:
 *
 * - `npm run demo` (`playground/run.mjs`): `startDemo` starts the emulator and the pages, with Vite's
 *   dev server (edits to `src/**` and `playground/**` reload) or, with `--build`, a production build;
 * - the e2e suite: its global setup runs `node playground/run.mjs --build`;
 * - the Clerk specs: their global setup calls `buildPlayground()` once, each test serves that folder
 *   with `startPlaygroundServer({ dir })` against its own emulator;
 * - the browser bench (`scripts/bench-browser.mjs`): `buildPlayground({ profiling: true })`, then the
 *   same static server;
 * - the visual check: the same static server on the built Storybook (`test/visual/support.ts`).
 *
 * Every page (`routes.mjs`) is an HTML entry of one Vite multi-page app rooted here; the library comes
 * from source through an alias. Every server binds 127.0.0.1 and also serves clerk-js's browser build
 * under `/clerk/` and Clerk's prebuilt UI under `/clerk-ui/` from `node_modules` (each finds its lazy
 * chunks beside its script). Plain JavaScript (Node 20 runs no TypeScript; types in `server.d.mts`);
 * Vite is imported only by the functions that build.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { PAGES, pageForPath, pageUrl } from './routes.mjs'

/** Every server of the playground listens here only. */
export const HOST = '127.0.0.1'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const require = createRequire(import.meta.url)

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

// --- static files -------------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/**
 * clerk-js's browser build folder (`clerk.browser.js` and its lazy chunks). The package's `exports`
 * hide it; its CommonJS main resolves to the same folder.
 */
const clerkJsDist = dirname(require.resolve('@clerk/clerk-js'))
/** `@clerk/ui`'s browser builds (`ui.browser.js` sets `window.__internal_ClerkUICtor`). */
const clerkUiDist = dirname(require.resolve('@clerk/ui'))
const DISTS = [
  ['/clerk/', clerkJsDist],
  ['/clerk-ui/', clerkUiDist],
]

/** A 404 that names the pages there are, for a person who mistyped one. */
function notFound(res) {
  const links = Object.values(PAGES)
    .map((page) => `<li><a href="${page.path}">${page.path}</a></li>`)
    .join('')
  res
    .writeHead(404, { 'content-type': TYPES['.html'] })
    .end(
      `<!doctype html><title>Not found</title><p>No such page. The playground has:</p><ul>${links}</ul>`,
    )
}

/**
 * Sends `relative` from `base`, or a 404 when it is missing or would leave `base`. `relative` is used
 * undecoded: the URL parser already resolved `..` (also as `%2e%2e`), and no file served needs an
 * escape, so a malformed one simply finds no file.
 */
function sendFile(res, base, relative) {
  const file = normalize(join(base, relative))
  if (!file.startsWith(base + sep)) {
    notFound(res)
    return
  }
  readFile(file).then(
    (body) =>
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body),
    () => notFound(res),
  )
}

/** Serves `/clerk/*` and `/clerk-ui/*`; false for any other path. */
function serveClerk(res, pathname) {
  for (const [prefix, dist] of DISTS) {
    if (pathname.startsWith(prefix)) {
      sendFile(res, dist, pathname.slice(prefix.length))
      return true
    }
  }
  return false
}

// --- build --------------------------------------------------------------------------------------

async function scratchDir(name) {
  const cache = join(root, 'node_modules', '.cache')
  await mkdir(cache, { recursive: true })
  return mkdtemp(join(cache, `rea-playground-${name}-`))
}

/** The one Vite config of the playground, for the dev server and for every build. */
async function viteConfig({ emulatorUrl = '', clerkPublishableKey = '', profiling = false }) {
  const { default: react } = await import('@vitejs/plugin-react')
  const src = (path) => join(root, 'src', path)
  return {
    configFile: false,
    root: here,
    logLevel: 'warn',
    clearScreen: false,
    publicDir: false,
    // Paths are routed by `routes.mjs` (below), never by an SPA fallback.
    appType: 'mpa',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^react-email-addresses\/styles\.css$/, replacement: src('styles/styles.css') },
        { find: /^react-email-addresses$/, replacement: src('index.ts') },
        { find: /^react-email-addresses\/clerk$/, replacement: src('clerk/index.ts') },
        { find: /^react-email-addresses\/locales$/, replacement: src('localization/locales.ts') },
        // Production React that still calls <Profiler onRender> (the bench counts commits).
        ...(profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : []),
      ],
    },
    define: {
      'import.meta.env.VITE_EMULATOR_URL': JSON.stringify(emulatorUrl),
      // '' means "no key": Clerk mode then runs clerk-js against the emulator.
      'import.meta.env.VITE_CLERK_PUBLISHABLE_KEY': JSON.stringify(clerkPublishableKey),
    },
  }
}

/**
 * The Clerk instance for Clerk mode, from the environment: a publishable key only. It ends up in the
 * page's JavaScript, so anything else (a secret key pasted by mistake) is refused, never served.
 */
export function clerkPublishableKeyFromEnv(env = process.env) {
  const key = env.VITE_CLERK_PUBLISHABLE_KEY?.trim() ?? ''
  if (key && !/^pk_(test|live)_[A-Za-z0-9+/=_-]+$/.test(key)) {
    throw new Error('VITE_CLERK_PUBLISHABLE_KEY must be a publishable key (pk_test_… or pk_live_…)')
  }
  return key
}

/** Builds the playground's pages (all by default) for production into a folder. */
export async function buildPlayground(options = {}) {
  const { pages = Object.keys(PAGES), outDir } = options
  const { build } = await import('vite')
  const input = Object.fromEntries(
    pages.map((page) => [PAGES[page].html.replace(/\.html$/, ''), join(here, PAGES[page].html)]),
  )
  const dir = outDir ?? (await scratchDir('build'))
  try {
    await build({
      ...(await viteConfig(options)),
      mode: 'production',
      build: {
        outDir: dir,
        emptyOutDir: true,
        target: 'es2022',
        reportCompressedSize: false,
        rolldownOptions: { input },
      },
    })
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return { dir, pages, remove: () => rm(dir, { recursive: true, force: true }) }
}

// --- serve --------------------------------------------------------------------------------------

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

function closeServer(server) {
  return new Promise((done) => {
    server.close(() => done())
    server.closeAllConnections()
  })
}

/** The path's pathname; null for a URL that does not parse. */
function pathnameOf(req) {
  try {
    return new URL(req.url ?? '/', 'http://x').pathname
  } catch {
    return null
  }
}

/** Vite's dev server in middleware mode on our own HTTP server (so Vite installs no signal handlers). */
async function devHandler(http, options) {
  const { createServer: createViteServer } = await import('vite')
  const entries = [...new Set(Object.values(PAGES).map((page) => page.html))]
  const vite = await createViteServer({
    ...(await viteConfig(options)),
    server: {
      middlewareMode: true,
      hmr: { server: http },
      fs: { allow: [root] },
      warmup: { clientFiles: ['./settings/main.tsx', './clerk-mode/main.tsx'] },
    },
    // Pre-bundle every dependency up front: no "new dependencies optimized" reload mid-session.
    optimizeDeps: {
      entries,
      include: [
        'react',
        'react-dom',
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
  return {
    handle(req, res, page) {
      if (page) {
        // `/verified` is index.html: Vite serves entries by their file name.
        const url = new URL(req.url ?? '/', 'http://x')
        req.url = `/${PAGES[page].html}${url.search}`
      }
      vite.middlewares(req, res)
    },
    close: () => vite.close(),
  }
}

/**
 * Serves the playground on 127.0.0.1: a built folder (`dir`), or Vite's dev server (`dev: true`).
 * Port 0 (the default) picks a free port.
 */
export async function startPlaygroundServer(options) {
  const http = createServer()
  const dev = options.dev ? await devHandler(http, options) : null
  http.on('request', (req, res) => {
    const pathname = pathnameOf(req)
    if (pathname === null) {
      res.writeHead(400).end()
      return
    }
    if (serveClerk(res, pathname)) {
      return
    }
    const page = pageForPath(pathname)
    if (dev) {
      dev.handle(req, res, page)
    } else {
      sendFile(res, options.dir, page ? PAGES[page].html : pathname.slice(1))
    }
  })
  const port = await listen(http, options.port ?? 0).catch(async (error) => {
    await dev?.close()
    throw error
  })
  let closing = null
  return {
    url: `http://${HOST}:${port}`,
    port,
    close() {
      closing ??= Promise.all([dev?.close(), closeServer(http)]).then(() => undefined)
      return closing
    },
  }
}

// --- the demo -----------------------------------------------------------------------------------

/**
 * The emulator, built from `src/testing` with Vite's SSR build (one rolldown pass, about a second)
 * into `node_modules/.cache`, imported, and the files deleted: always the current source, no `npm
 * run build` first, nothing written to the repository.
 */
export async function loadEmulator() {
  const { build } = await import('vite')
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
 * Starts the emulator and the playground on two 127.0.0.1 ports (two origins, so CORS, cookies and
 * `credentials: 'include'` are real): Vite's dev server, or with `build: true` a production build of
 * every page served as static files (what the e2e suite uses: faster loads). Port 0 picks a free port.
 */
export async function startDemo(options = {}) {
  const clerkPublishableKey = clerkPublishableKeyFromEnv()
  const { createFapiEmulator, startEmulatorServer } = await loadEmulator()
  const emulator = createFapiEmulator(options.seed ?? DEMO_SEED)
  const fapi = await startEmulatorServer({
    port: options.emulatorPort ?? 4010,
    host: HOST,
    emulator,
  })
  let built = null
  let pages
  try {
    const config = { emulatorUrl: fapi.url, clerkPublishableKey }
    if (options.build) {
      built = await buildPlayground(config)
      pages = await startPlaygroundServer({ dir: built.dir, port: options.port ?? 5173 })
    } else {
      pages = await startPlaygroundServer({ ...config, dev: true, port: options.port ?? 5173 })
    }
  } catch (error) {
    await Promise.allSettled([fapi.close(), built?.remove()])
    throw error
  }
  let closing = null
  return {
    url: pageUrl(pages.url, 'settings'),
    emulatorUrl: fapi.url,
    inboxUrl: `${fapi.url}/__emulator/inbox`,
    emulator,
    close() {
      closing ??= Promise.allSettled([pages.close(), fapi.close()])
        .then(() => built?.remove())
        .then(() => undefined)
      return closing
    },
  }
}
