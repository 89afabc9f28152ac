// Checks the built package the way a user's bundler and Node would meet it: every `exports` target
// exists, each entry has its types, and importing each JS entry in plain Node (no window, no document)
// works, which is what "SSR-safe at import" means.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const problems = []

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
  if (target.import && existsSync(join(root, target.import))) {
    try {
      const module = await import(pathToFileURL(join(root, target.import)).href)
      if (Object.keys(module).length === 0) {
        problems.push(`${entry}: exports nothing`)
      }
    } catch (error) {
      problems.push(`${entry}: importing it in Node failed: ${error.message}`)
    }
  }
}
for (const [name, file] of Object.entries(pkg.bin ?? {})) {
  if (!existsSync(join(root, file))) {
    problems.push(`bin ${name}: ${file} is missing`)
  }
}

// package.json says no module has side effects, so an app's bundler drops a bare `import './x.js'`
// (and esbuild warns about it in the app's build): the build must not emit one.
for (const file of readdirSync(join(root, 'dist'), { recursive: true })) {
  if (file.endsWith('.js')) {
    const bare = /^import\s*["']\.{1,2}\/[^"']+["'];?$/m.exec(
      readFileSync(join(root, 'dist', file), 'utf8'),
    )
    if (bare) {
      problems.push(`dist/${file}: a bare import (${bare[0]}) that sideEffects: false would drop`)
    }
  }
}

if (problems.length > 0) {
  console.error(`Package check failed:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.error(
  `Package check: ${Object.keys(pkg.exports).length} exports resolve and import in Node.`,
)
