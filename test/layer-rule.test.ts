/**
 * DESIGN.md's import rule is enforced by the linter (biome.json `overrides`). This suite proves the rule
 * bites: it writes a probe file into each layer, lints it with the project's own configuration, and
 * expects the forbidden import to be reported (and an allowed one not to be).
 */
import { execFile } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
const biome = join(root, 'node_modules', '.bin', 'biome')

async function lint(layerPath: string, source: string): Promise<string[]> {
  const file = join(root, layerPath, `__layer_probe_${process.pid}.ts`)
  await writeFile(file, source)
  try {
    const { stdout } = await run(biome, ['lint', '--reporter=json', '--max-diagnostics=50', file], {
      cwd: root,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }))
    const report = JSON.parse(stdout) as { diagnostics: { category: string }[] }
    return report.diagnostics.map((diagnostic) => diagnostic.category)
  } finally {
    await rm(file, { force: true })
  }
}

const RULE = 'lint/style/noRestrictedImports'

describe('the import rule between layers', () => {
  it('forbids React in src/api', async () => {
    expect(
      await lint('src/api', "import { useState } from 'react'\nexport const probe = useState\n"),
    ).toContain(RULE)
  })

  it('forbids src/api from importing anything above it', async () => {
    expect(
      await lint(
        'src/api',
        "import { probe as p } from '../hooks/probe'\nexport const probe = p\n",
      ),
    ).toContain(RULE)
  })

  it('forbids the emulator from reusing the client parsers, but allows the wire types', async () => {
    expect(
      await lint(
        'src/testing',
        "import { schemas } from '../api/parse'\nexport const probe = schemas\n",
      ),
    ).toContain(RULE)
    expect(
      await lint(
        'src/testing',
        "import type { EmailAddressJSON } from '../api/wire-types'\nexport type Probe = EmailAddressJSON\n",
      ),
    ).not.toContain(RULE)
  })

  it('allows src/api to import its own modules', async () => {
    expect(
      await lint(
        'src/api',
        "import { isFapiError } from './fapi-error'\nexport const probe = isFapiError\n",
      ),
    ).not.toContain(RULE)
  })
})
