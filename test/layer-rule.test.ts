/**
 * DESIGN.md's import rule is enforced by the linter (`eslint.config.js`). This suite proves the rule
 * bites: it lints a probe source as if it sat in each layer, with the project's own configuration, and
 * expects a forbidden import to be reported (and an allowed one not to be).
 */
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: root })
const RULE = '@typescript-eslint/no-restricted-imports'

async function violations(layerPath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, layerPath, 'probe.ts') })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('the import rule between layers', () => {
  it('forbids React in src/api', async () => {
    expect(
      await violations(
        'src/api',
        "import { useState } from 'react'\nexport const probe = useState\n",
      ),
    ).toContain(RULE)
  })

  it('forbids src/api from importing anything above it', async () => {
    expect(
      await violations(
        'src/api',
        "import { probe as p } from '../hooks/probe'\nexport const probe = p\n",
      ),
    ).toContain(RULE)
  })

  it('forbids hooks from importing components', async () => {
    expect(
      await violations(
        'src/hooks',
        "import { x } from '../components/email-list'\nexport const probe = x\n",
      ),
    ).toContain(RULE)
  })

  it('forbids ui primitives from importing hooks', async () => {
    expect(
      await violations(
        'src/components/ui/button',
        "import { x } from '../../../hooks/x'\nexport const probe = x\n",
      ),
    ).toContain(RULE)
  })

  it('forbids the emulator from reusing the client parsers, but allows the wire types', async () => {
    expect(
      await violations(
        'src/testing',
        "import { schemas } from '../api/parse'\nexport const probe = schemas\n",
      ),
    ).toContain(RULE)
    expect(
      await violations(
        'src/testing',
        "import type { EmailAddressJSON } from '../api/wire-types'\nexport type Probe = EmailAddressJSON\n",
      ),
    ).not.toContain(RULE)
  })

  it("keeps Clerk's SDK behind the clerk entry", async () => {
    expect(
      await violations(
        'src/components',
        "import { useUser } from '@clerk/react'\nexport const probe = useUser\n",
      ),
    ).toContain(RULE)
    expect(
      await violations(
        'src/clerk',
        "import { useUser } from '@clerk/react'\nexport const probe = useUser\n",
      ),
    ).not.toContain(RULE)
  })

  it('allows src/api to import its own modules', async () => {
    expect(
      await violations(
        'src/api',
        "import { isFapiError } from './fapi-error'\nexport const probe = isFapiError\n",
      ),
    ).not.toContain(RULE)
  })
})
