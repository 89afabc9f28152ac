/**
 * Starts the demo as a user does (`node playground/run.mjs`), on free 127.0.0.1 ports, reads the two
 * URLs it prints, and stops it (SIGTERM, by pid) when the run ends. The tests find the URLs in
 * `process.env.DEMO_URL` and `process.env.EMULATOR_URL` (workers start after this and inherit them).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const STARTUP_MS = 30_000
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const RUN = fileURLToPath(new URL('../../playground/run.mjs', import.meta.url))

export default async function globalSetup(): Promise<() => Promise<void>> {
  // A production build of the page loads about twice as fast as the dev server;
  // `E2E_DEV_SERVER=1` runs the suite against Vite's dev server (React's development checks) instead.
  const args = [RUN, '--port', '0', '--emulator-port', '0']
  if (!process.env.E2E_DEV_SERVER) {
    args.push('--build')
  }
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const urls = await new Promise<{ demo: string; emulator: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), STARTUP_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`demo exited (${code}) before it started:\n${output}`))
    })
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const demo = /Demo page:\s+(\S+)/.exec(output)?.[1]
      const emulator = /Emulator FAPI:\s+(\S+)/.exec(output)?.[1]
      if (demo && emulator) {
        clearTimeout(timer)
        resolve({ demo, emulator })
      }
    })
  }).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  process.env.DEMO_URL = urls.demo
  process.env.EMULATOR_URL = urls.emulator

  return async () => {
    if (child.exitCode !== null) {
      return
    }
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    const [code] = (await exited) as [number | null]
    clearTimeout(timer)
    // `npm run demo` must stop cleanly on SIGTERM (and SIGINT): both servers closed, exit code 0.
    if (code !== 0 || !output.includes('demo: stopped (SIGTERM)')) {
      throw new Error(`the demo did not stop cleanly (exit ${code}):\n${output}`)
    }
  }
}
