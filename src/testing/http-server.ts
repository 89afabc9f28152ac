/**
 * The emulator as a real HTTP server (node:http), for browsers, Playwright and other processes.
 * Binds 127.0.0.1 unless told otherwise; a drop fault destroys the socket like a real network error.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFapiEmulator, type FapiEmulator } from './emulator'
import { DroppedConnectionError } from './faults'

/** Options of `startEmulatorServer`. */
export interface EmulatorServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number
  /** Interface to bind. Default `127.0.0.1`: the control routes are unauthenticated. */
  host?: string
  /** The emulator to serve; default a fresh `createFapiEmulator()`. */
  emulator?: FapiEmulator
}

/** A running server. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string
  emulator: FapiEmulator
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  }
  return Buffer.concat(chunks)
}

function toRequest(req: IncomingMessage, body: Buffer, base: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) {
      for (const v of value) {
        headers.append(name, v)
      }
    } else if (value !== undefined) {
      headers.set(name, value)
    }
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? base}`)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(body) : null,
  })
}

async function handle(
  emulator: FapiEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  base: string,
) {
  const body = await readBody(req)
  let response: Response
  try {
    response = await emulator.fetch(toRequest(req, body, base))
  } catch (error) {
    if (error instanceof DroppedConnectionError) {
      req.socket.destroy()
      return
    }
    throw error
  }
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') {
      headers[name] = value
    }
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) {
    headers['set-cookie'] = cookies
  }
  res.writeHead(response.status, headers)
  res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * Starts the emulator on a local port.
 * @example
 * const server = await startEmulatorServer({ port: 0 })
 * await fetch(`${server.url}/v1/me`)
 * await server.close()
 */
export function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const emulator = options.emulator ?? createFapiEmulator()
  const host = options.host ?? '127.0.0.1'
  let base = host
  const server = createServer((req, res) => {
    handle(emulator, req, res, base).catch(() => {
      // Only reached if the socket broke mid-answer; the emulator itself turns errors into JSON.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(
          '{"errors":[{"code":"internal_clerk_error","message":"error","long_message":"error"}]}',
        )
      } else {
        res.destroy()
      }
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      const { port } = server.address() as AddressInfo
      const shown = host.includes(':') ? `[${host}]` : host
      base = `${shown}:${port}`
      resolve({
        url: `http://${base}`,
        emulator,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            server.closeAllConnections()
          }),
      })
    })
  })
}
