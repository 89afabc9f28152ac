/**
 * `react-email-addresses-emulator`: the emulator as a local HTTP server. `main` takes argv and an
 * output sink and resolves with the exit code, so tests run it in-process.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { createFapiEmulator } from './emulator'
import { type EmulatorServer, startEmulatorServer } from './http-server'
import { parseSeed } from './seed'
import { DEFAULT_SEED_USER } from './state'
import type { EmulatorSeed } from './types'

/** Usage text, printed by `--help` and after a bad flag. */
export const USAGE = `Usage: react-email-addresses-emulator [options]

  --port <n>          port to listen on (default 4010; 0 picks a free port)
  --host <host>       interface to bind (default 127.0.0.1)
  --seed <file.json>  users, settings and environment overlay to start from
  --session-id <id>   the signed-in session's id (sess_…; default random), kept by resets
  --strict            require the __client cookie or __clerk_db_jwt on FAPI calls
  --secret-key <key>  BAPI secret key (default sk_test_emulator)
  --allow-origin <o>  also accept this origin (CORS, /v1/verify redirects); repeatable.
                      Loopback origins and reserved test names (*.test) are always accepted
  --help              show this help`

/** Where the CLI writes, and a hook that sees the running server (tests use it). */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  onListening?(server: EmulatorServer): void
}

const stdio: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}

interface CliConfig {
  port: number
  host: string
  seed: EmulatorSeed
  help: boolean
}

async function parseCli(argv: string[]): Promise<CliConfig> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'session-id': { type: 'string' },
      strict: { type: 'boolean' },
      'secret-key': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  })
  const port = Number(values.port ?? '4010')
  if (!/^\d+$/.test(values.port ?? '4010') || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${values.port}"`)
  }
  if (values.host !== undefined && values.host.trim() === '') {
    throw new Error('--host must not be empty')
  }
  const secretKey = values['secret-key']
  if (secretKey !== undefined && !/^sk_(test|live)_\S+$/.test(secretKey)) {
    throw new Error('--secret-key must look like sk_test_… or sk_live_…')
  }
  let seed: EmulatorSeed = {}
  if (values.seed !== undefined) {
    let text: string
    try {
      text = await readFile(values.seed, 'utf8')
    } catch (error) {
      throw new Error(`--seed: cannot read ${values.seed}`, { cause: error })
    }
    try {
      seed = parseSeed(JSON.parse(text))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`--seed ${values.seed}: ${reason}`, { cause: error })
    }
  }
  if (values.strict) {
    seed = { ...seed, strict: true }
  }
  if (secretKey !== undefined) {
    seed = { ...seed, secretKey }
  }
  const origins = (values['allow-origin'] ?? []).map(parseOrigin)
  if (origins.length > 0) {
    const settings = seed.settings ?? {}
    seed = {
      ...seed,
      settings: { ...settings, allowedOrigins: [...(settings.allowedOrigins ?? []), ...origins] },
    }
  }
  const sessionId = values['session-id']
  if (sessionId !== undefined) {
    if (!/^sess_[0-9A-Za-z]+$/.test(sessionId)) {
      throw new Error(
        `--session-id must be "sess_" followed by letters and digits, got "${sessionId}"`,
      )
    }
    // The first user is the one signed in on the default client: the session an app is handed.
    const [first = DEFAULT_SEED_USER, ...others] = seed.users ?? []
    seed = parseSeed({ ...seed, users: [{ ...first, session_id: sessionId }, ...others] })
  }
  return { port, host: values.host ?? '127.0.0.1', seed, help: values.help === true }
}

/** `--allow-origin` takes an origin: scheme, host and port, nothing after. */
function parseOrigin(value: string): string {
  let url: URL | null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  const bare =
    url !== null &&
    /^https?:$/.test(url.protocol) &&
    url.origin === value.replace(/\/$/, '').toLowerCase()
  if (!url || !bare) {
    throw new Error(`--allow-origin must be an origin like https://app.example.com, got "${value}"`)
  }
  return url.origin
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

/**
 * Runs the CLI; resolves with the exit code (2 for bad flags, 1 if the port is taken, 0 after a signal).
 * @example process.exitCode = await main(process.argv.slice(2))
 */
export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  let config: CliConfig
  try {
    config = await parseCli(argv)
  } catch (error) {
    io.err(`react-email-addresses-emulator: ${error instanceof Error ? error.message : error}`)
    io.err(USAGE)
    return 2
  }
  if (config.help) {
    io.out(USAGE)
    return 0
  }
  let server: EmulatorServer
  try {
    const emulator = createFapiEmulator(config.seed)
    server = await startEmulatorServer({ port: config.port, host: config.host, emulator })
  } catch (error) {
    io.err(
      `react-email-addresses-emulator: cannot listen: ${error instanceof Error ? error.message : error}`,
    )
    return 1
  }
  const stopped = waitForSignal()
  io.out(`FAPI emulator listening on ${server.url}`)
  io.out(`Inbox: ${server.url}/__emulator/inbox`)
  const { userId, sessionId } = server.emulator.signedIn
  io.out(`Signed in: user ${userId}, session ${sessionId} (pass it as sessionId)`)
  io.onListening?.(server)
  const signal = await stopped
  await server.close()
  io.out(`Stopped (${signal}).`)
  return 0
}
