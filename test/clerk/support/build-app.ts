/**
 * Playwright global setup: builds the side-by-side page (`test/clerk/app`) once with Vite into a temp
 * folder, hands its path to the workers in `CLERK_APP_DIR`, and deletes it afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

export default async function buildApp(): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'rea-clerk-app-'))
  await build({
    configFile: false,
    root: fileURLToPath(new URL('../app', import.meta.url)),
    plugins: [react()],
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
    },
  })
  process.env.CLERK_APP_DIR = outDir
  return () => rm(outDir, { recursive: true, force: true })
}
