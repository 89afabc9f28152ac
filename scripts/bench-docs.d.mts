/** One figure of a benchmark run: what, the numbers, and how it was measured. */
export interface Figure {
  bench: string
  name: string
  how?: string
  error?: string
  pending?: string
  [measure: string]: unknown
}

/** One step of `npm run bench` (size, emulator, browser): when and where it ran, and its figures. */
export interface BenchRun {
  date: string
  node: string
  cores: number
  chromium?: string
  seconds: number
  figures: Figure[]
}

/** `docs/benchmarks.json`. */
export interface Benchmarks {
  runs: Partial<Record<'size' | 'emulator' | 'browser', BenchRun>>
}

/** The path of `docs/benchmarks.json`. */
export const BENCHMARKS_JSON: string
/** The names a `<!-- bench:NAME -->` marker may use. */
export const TABLE_NAMES: readonly string[]
/** `text` with every marked table rendered from `data`, formatted as Prettier would for `file`. */
export function renderMarkdown(text: string, data: Benchmarks, file?: string): Promise<string>
/** README.md and every Markdown file under `docs/`. */
export function markdownFiles(): Promise<string[]>
/** Reads `docs/benchmarks.json`. */
export function readBenchmarks(): Promise<Benchmarks>
/** Renders every marked table; returns the files that differed (rewritten when `write`). */
export function syncDocs(options?: { write?: boolean }): Promise<string[]>
