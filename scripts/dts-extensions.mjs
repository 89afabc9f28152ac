// Makes the emitted declarations resolve under every `moduleResolution` a consumer may use.
//
// `src/` imports its own modules without extensions (`./api/email-addresses`), which `bundler`
// resolution accepts but `node16`/`nodenext` do not: there a relative import in an ESM `.d.ts` must
// name the file (`./api/email-addresses.js`), so every type from a deeper module would become `any`
// or an error in a Node server's project. Rather than rewrite every import in `src/` (and keep
// everyone doing so), this step rewrites the specifiers in `dist/**/*.d.ts` after `tsc` emits them:
// `./x` becomes `./x.js` when `x.d.ts` exists, `./x/index.js` when `x/index.d.ts` does. A relative
// specifier that names no emitted file fails the build instead of shipping a broken import.
//
// It also maps `@tanstack/query-core` (which `tsc` names in inferred types) to `@tanstack/react-query`,
// our peer, which re-exports all of it: under pnpm's strict layout only the peer is resolvable.
//
// Only code is rewritten: comments (JSDoc examples) and other strings are left as they are.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bare specifiers `tsc` may emit that are not ours to depend on, and the peer that re-exports them. */
const REEXPORTED_BY_PEER = { '@tanstack/query-core': '@tanstack/react-query' }

/**
 * Yields every module specifier in declaration code (`from '…'`, `import '…'`, `import('…')`,
 * `declare module '…'`) with its offsets, skipping comments and unrelated strings.
 */
export function* moduleSpecifiers(text) {
  let i = 0
  let code = '' // the code seen so far on this statement, to tell a specifier from any other string
  while (i < text.length) {
    const c = text[i]
    const next = text[i + 1]
    if (c === '/' && next === '/') {
      i = text.indexOf('\n', i)
      if (i === -1) {
        return
      }
      continue
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2)
      if (end === -1) {
        return
      }
      i = end + 2
      continue
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      while (j < text.length && text[j] !== c) {
        j += text[j] === '\\' ? 2 : 1
      }
      const value = text.slice(i + 1, j)
      if (c !== '`' && /(?:\bfrom|\bimport|\bimport\s*\(|\bdeclare\s+module)\s*$/.test(code)) {
        yield { start: i + 1, end: j, value }
      }
      code += ' '
      i = j + 1
      continue
    }
    code = c === ';' || c === '\n' ? (c === ';' ? '' : code + ' ') : code + c
    if (code.length > 200) {
      code = code.slice(-100)
    }
    i += 1
  }
}

/** The specifier `spec`, written in `file`, as `node16` resolution needs it; throws if it names nothing. */
function resolveSpecifier(file, spec) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) {
    return REEXPORTED_BY_PEER[spec] ?? spec
  }
  if (/\.(?:m?js|cjs|json|css)$/.test(spec)) {
    return spec
  }
  const base = join(dirname(file), spec)
  if (existsSync(`${base}.d.ts`)) {
    return `${spec}.js`
  }
  if (existsSync(join(base, 'index.d.ts'))) {
    return `${spec.replace(/\/$/, '')}/index.js`
  }
  throw new Error(
    `${file}: "${spec}" names no emitted declaration (${base}.d.ts or ${base}/index.d.ts)`,
  )
}

/** Rewrites one declaration file's text; returns the new text. */
export function rewriteDeclaration(file, text) {
  let out = ''
  let last = 0
  for (const { start, end, value } of moduleSpecifiers(text)) {
    out += text.slice(last, start) + resolveSpecifier(file, value)
    last = end
  }
  return out + text.slice(last)
}

/** Rewrites every `.d.ts` under `dir`; returns how many files changed. */
export function rewriteDeclarations(dir) {
  let changed = 0
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!name.endsWith('.d.ts')) {
      continue
    }
    const file = join(dir, name)
    const text = readFileSync(file, 'utf8')
    const rewritten = rewriteDeclaration(file, text)
    if (rewritten !== text) {
      writeFileSync(file, rewritten)
      changed += 1
    }
  }
  return changed
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  const changed = rewriteDeclarations(dist)
  console.error(
    `Declarations: explicit .js extensions in ${changed} files of ${relative(process.cwd(), dist) || '.'}.`,
  )
}
