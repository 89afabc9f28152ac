/**
 * The benchmark tables in the docs are rendered from `docs/benchmarks.json` (`npm run bench` writes
 * it): every table between `<!-- bench:NAME -->` and `<!-- /bench -->` in README.md and `docs/**.md`
 * must be exactly what the JSON renders, so a figure in the docs is always a measured one.
 */
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type Benchmarks,
  markdownFiles,
  readBenchmarks,
  renderMarkdown,
  TABLE_NAMES,
} from '../scripts/bench-docs.mjs'

const root = new URL('..', import.meta.url).pathname
const data = await readBenchmarks()
const files = await markdownFiles()

describe('the benchmark tables in the docs', () => {
  it.each(files.map((file) => [relative(root, file), file]))(
    '%s: every marked table is what docs/benchmarks.json renders',
    async (_name, file) => {
      const text = await readFile(file, 'utf8')
      expect(
        await renderMarkdown(text, data, file),
        'a table differs from docs/benchmarks.json: run `npm run bench:docs` (or `npm run bench`)',
      ).toBe(text)
    },
  )

  it('docs/benchmarks.md shows every table', async () => {
    const text = await readFile(new URL('../docs/benchmarks.md', import.meta.url), 'utf8')
    for (const name of TABLE_NAMES) {
      expect(text).toContain(`<!-- bench:${name} -->`)
    }
  })

  it('a table edited by hand is caught', async () => {
    const text = await readFile(new URL('../docs/benchmarks.md', import.meta.url), 'utf8')
    const edited = text.replace(/(<!-- bench:summary -->[\s\S]*?\| )\d/, '$19')
    expect(edited).not.toBe(text)
    expect(await renderMarkdown(edited, data)).toBe(text)
  })

  it('an unknown table or an unclosed marker fails', async () => {
    const empty: Benchmarks = { runs: {} }
    await expect(renderMarkdown('<!-- bench:nope -->\n<!-- /bench -->\n', empty)).rejects.toThrow(
      'no bench table "nope"',
    )
    await expect(renderMarkdown('<!-- bench:size -->\n| a |\n', empty)).rejects.toThrow(
      'without its <!-- /bench -->',
    )
  })
})
