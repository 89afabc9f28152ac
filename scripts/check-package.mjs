// Checks the built package the way a user's bundler, TypeScript and Node would meet it: every
// `exports` target exists, each entry has its types, importing each JS entry in plain Node (no
// window, no document) works, which is what "SSR-safe at import" means, and so does `require()` of it
// (Node ≥ 20.19 loads ES modules from `require`, through the `default` condition). Then it lints the
// packed tarball (`npm pack`, written to .tmp/pack by `npm test`) with publint --strict and
// arethetypeswrong, whose node16 resolution is what a Node server's tsconfig uses.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { moduleSpecifiers } from './dts-extensions.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const problems = []
const require = createRequire(import.meta.url)

for (const [entry, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string') {
    if (!existsSync(join(root, target))) {
      problems.push(`${entry}: ${target} is missing`)
    }
    continue
  }
  for (const [condition, file] of Object.entries(target)) {
    if (!existsSync(join(root, file))) {
      problems.push(`${entry} (${condition}): ${file} is missing`)
    }
  }
  if (!target.types) {
    problems.push(`${entry}: no types condition`)
  }
  if (!target.default) {
    problems.push(`${entry}: no default condition (require() and CJS test runners need one)`)
  }
  if (target.import && existsSync(join(root, target.import))) {
    try {
      const module = await import(pathToFileURL(join(root, target.import)).href)
      if (Object.keys(module).length === 0) {
        problems.push(`${entry}: exports nothing`)
      }
    } catch (error) {
      problems.push(`${entry}: importing it in Node failed: ${error.message}`)
    }
    // By the package's own name, so Node resolves it through `exports` as an app's require would.
    const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`
    try {
      const module = require(specifier)
      if (Object.keys(module).length === 0) {
        problems.push(`${entry}: require() gives nothing`)
      }
    } catch (error) {
      problems.push(
        `${entry}: require('${specifier}') failed: ${error.code ?? ''} ${error.message}`,
      )
    }
  }
}
for (const [name, file] of Object.entries(pkg.bin ?? {})) {
  if (!existsSync(join(root, file))) {
    problems.push(`bin ${name}: ${file} is missing`)
  }
}

// What a published file may import: our peers, Node's built-ins and ourselves. Anything else (a
// peer's own dependency that `tsc` named in an inferred type, say) resolves under npm's hoisting
// and fails under pnpm's strict layout.
const allowed = new Set([...Object.keys(pkg.peerDependencies ?? {}), pkg.name])
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/')
function checkBare(file, spec) {
  if (spec.startsWith('.') || spec.startsWith('node:') || allowed.has(packageOf(spec))) {
    return
  }
  // `./server`'s build-time guard (vite.config.ts): Next.js resolves it, other bundlers must fail on it.
  if (spec === 'server-only' && file === join('server', 'browser.js')) {
    return
  }
  problems.push(`dist/${file}: imports "${spec}", which is not a peer dependency`)
}

for (const file of readdirSync(join(root, 'dist'), { recursive: true })) {
  const path = join(root, 'dist', file)
  if (file.endsWith('.d.ts')) {
    const text = readFileSync(path, 'utf8')
    for (const { value } of moduleSpecifiers(text)) {
      checkBare(file, value)
      // node16/nodenext resolve only what a relative import names exactly (scripts/dts-extensions.mjs).
      if (value.startsWith('.') && !/\.(?:js|css)$/.test(value)) {
        problems.push(`dist/${file}: "${value}" has no extension, which node16 cannot resolve`)
      }
    }
  } else if (file.endsWith('.js')) {
    const text = readFileSync(path, 'utf8')
    // package.json says no JS module has side effects, so an app's bundler drops a bare
    // `import './x.js'` (and esbuild warns about it in the app's build): the build must not emit one.
    const bare = /^import\s*["']\.{1,2}\/[^"']+["'];?$/m.exec(text)
    if (bare) {
      problems.push(`dist/${file}: a bare import (${bare[0]}) that sideEffects would drop`)
    }
    for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms)) {
      checkBare(file, match[1])
    }
  }
}

// Next.js's App Router treats a module as a client component only when its first statement is
// 'use client': each source file that starts with it must still do so once built, or a server
// component that renders it fails ("useState only works in Client Components").
const directive = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/
let clientModules = 0
for (const file of readdirSync(join(root, 'src'), { recursive: true })) {
  if (!/\.tsx?$/.test(file) || /\.(?:test|stories|test-d)\.tsx?$/.test(file)) {
    continue
  }
  if (directive.test(readFileSync(join(root, 'src', file), 'utf8'))) {
    clientModules += 1
    const built = join(root, 'dist', file.replace(/\.tsx?$/, '.js'))
    if (!existsSync(built) || !readFileSync(built, 'utf8').startsWith('"use client";')) {
      problems.push(`dist/${file.replace(/\.tsx?$/, '.js')}: lost its 'use client' directive`)
    }
  }
}
if (clientModules === 0) {
  problems.push("no source file starts with 'use client': the check above found nothing to check")
}

// `./server` under the `browser` condition must stop a client build, not only throw when it runs.
const browserBuild = pkg.exports['./server']?.browser
if (
  !browserBuild ||
  !readFileSync(join(root, browserBuild), 'utf8').startsWith('import "server-only";')
) {
  problems.push(
    './server (browser): does not start with the server-only import that fails client builds',
  )
}

// The packed tarball, as publint and arethetypeswrong see it. ESM only: attw's `esm-only` profile
// skips node10 and require-from-CJS resolution, which an ESM-only package cannot satisfy in types.
const tarball = join(root, '.tmp/pack', `${pkg.name}-${pkg.version}.tgz`)
if (!existsSync(tarball)) {
  problems.push(`${tarball} is missing: run \`npm pack --pack-destination .tmp/pack\` first`)
} else {
  const bin = (name) => join(root, 'node_modules/.bin', name)
  for (const [name, args] of [
    ['publint', ['run', tarball, '--strict']],
    ['attw', [tarball, '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(bin(name), args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    } catch (error) {
      problems.push(`${name} failed:\n${error.stdout}${error.stderr}`)
    }
  }
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n')
  const stray = files.filter(
    (f) => !/^package\/(?:dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(f),
  )
  if (stray.length > 0) {
    problems.push(`the tarball carries files outside dist/: ${stray.join(', ')}`)
  }
  if (files.some((f) => /\.(?:test|stories)\./.test(f))) {
    problems.push('the tarball carries test or story files')
  }
}

if (problems.length > 0) {
  console.error(`Package check failed:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.error(
  `Package check: ${Object.keys(pkg.exports).length} exports resolve, import and require() in Node; ` +
    `${clientModules} client modules keep 'use client'; publint --strict and attw (esm-only) pass on the tarball.`,
)
