#!/usr/bin/env node
/**
 * `npm run demo`: the playground (the account-settings demo, Clerk mode and the pages the Clerk specs
 * and the bench use) and the emulator it talks to, both on 127.0.0.1.
 *
 *   node playground/run.mjs [--port 5173] [--emulator-port 4010] [--build]     (0 picks a free port)
 *
 * `--build` serves a production build of the pages instead of Vite's dev server (no reload on edits;
 * the e2e suite uses it because pages load faster).
 * Prints the page's URL and the emulator's inbox URL; Ctrl-C (SIGINT) or SIGTERM stops both.
 */
import { parseArgs } from 'node:util'
import { pageUrl } from './routes.mjs'
import { startDemo } from './server.mjs'

const USAGE = 'usage: node playground/run.mjs [--port 5173] [--emulator-port 4010] [--build]\n'

function port(value, fallback) {
  if (value === undefined) {
    return fallback
  }
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    process.stderr.write(`demo: not a port: ${value}\n${USAGE}`)
    process.exit(2)
  }
  return n
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'emulator-port': { type: 'string' },
    build: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

const demo = await startDemo({
  port: port(values.port, 5173),
  emulatorPort: port(values['emulator-port'], 4010),
  build: values.build ?? false,
}).catch((error) => {
  process.stderr.write(`demo: could not start: ${error instanceof Error ? error.message : error}\n`)
  process.exit(1)
})

process.stdout.write(
  [
    `Demo page:      ${demo.url}`,
    `Clerk mode:     ${pageUrl(demo.url, 'clerk')}`,
    `Emulator inbox: ${demo.inboxUrl}`,
    `Emulator FAPI:  ${demo.emulatorUrl} (the page's proxyUrl)`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
)

let stopping = false
async function stop(signal) {
  if (stopping) {
    return
  }
  stopping = true
  // Never hang on a stuck socket: give the servers two seconds, then leave anyway.
  const timer = setTimeout(() => process.exit(1), 2000)
  timer.unref()
  await demo.close()
  process.stdout.write(`demo: stopped (${signal})\n`)
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
