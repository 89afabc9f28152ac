/**
 * The emulator as a real HTTP server (node:http), for browsers, Playwright and other processes.
 * Binds 127.0.0.1 unless told otherwise; a drop fault cuts the connection like a real network error
 * (after the change, only once part of the answer is out, so a browser cannot send the request again).
 * It is a tool on a developer's machine, so it also guards what a browser could be tricked into: a
 * `Host` that is not a name of this machine (DNS rebinding) is 400 `host_invalid`, bodies over the
 * emulator's limit are 413 unread, and requests Node cannot parse get a `ClerkErrors` envelope too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createFapiEmulator, type FapiEmulator } from './emulator'
import { DroppedConnectionError } from './faults'
import { isLoopbackHost, isReservedHost } from './http'
import { newTraceId } from './ids'

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

/** A `ClerkErrors` body, for answers the server gives before the emulator sees the request. */
function envelope(code: string, short: string, long: string): string {
  return JSON.stringify({
    errors: [{ code, message: short, long_message: long, meta: {} }],
    clerk_trace_id: newTraceId(),
  })
}

function answer(res: ServerResponse, status: number, body: string, close = false) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(body)
}

/** The body, or `null` once it passes `limit` bytes: then reading stops, and the rest is never read. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.pause()
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

/**
 * The `Host` as a URL base, or `null` when it is malformed or names another machine. Bound to a
 * loopback interface (the default), only this machine's names, reserved test names and the bound
 * host are accepted, so a page whose own name an attacker pointed at 127.0.0.1 cannot reach it.
 */
function hostBase(raw: string | undefined, fallback: string, bound: string): string | null {
  const host = raw ?? fallback
  let url: URL
  try {
    url = new URL(`http://${host}`)
  } catch {
    return null
  }
  const extra = url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== ''
  if (extra || /\s/.test(host)) {
    return null
  }
  const name = url.hostname.replace(/^\[|\]$/g, '')
  const exposed = WILDCARD_HOSTS.has(bound)
  const ours = name === bound.replace(/^\[|\]$/g, '')
  return exposed || ours || isLoopbackHost(name) || isReservedHost(name)
    ? `http://${url.host}`
    : null
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
  const url = new URL(req.url ?? '/', base)
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
  fallback: string,
  bound: string,
) {
  const socket = req.socket
  const base = hostBase(req.headers.host, fallback, bound)
  if (base === null) {
    answer(
      res,
      400,
      envelope(
        'host_invalid',
        'Invalid host',
        'The Host header is malformed or is not a name of this machine. Reach the emulator as ' +
          'localhost or 127.0.0.1, or bind it to 0.0.0.0 with --host to serve other names.',
      ),
    )
    req.resume()
    return
  }
  const limit = emulator.maxBodyBytes
  const body =
    Number(req.headers['content-length'] ?? '0') > limit ? null : await readBody(req, limit)
  if (body === null) {
    // Answer at once and close: reading the rest of a huge body only to throw it away helps no one.
    answer(
      res,
      413,
      envelope(
        'request_body_invalid',
        'Request body too large',
        `The request body is larger than the emulator accepts (${limit} bytes).`,
      ),
      true,
    )
    res.on('finish', () => socket.destroy())
    return
  }
  let response: Response
  try {
    response = await emulator.fetch(toRequest(req, body, base))
  } catch (error) {
    if (error instanceof DroppedConnectionError) {
      await drop(res, error.answer)
      return
    }
    throw error
  }
  res.writeHead(response.status, headersOf(response))
  res.end(Buffer.from(await response.arrayBuffer()))
}

function headersOf(response: Response): Record<string, string | string[]> {
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
  return headers
}

/**
 * Cuts the connection. Before the change (`answer` null), at once: the client got nothing. After it,
 * only once the status line, the headers (with the full length) and half the body are out: a browser
 * may silently resend a request whose kept-alive connection closed before any answer byte, which would
 * make the change twice; with bytes received, it reports a network error instead. The close is a FIN
 * after the bytes, not a reset: a reset can discard bytes the client has not read yet.
 */
async function drop(res: ServerResponse, answer: Response | null): Promise<void> {
  const socket = res.socket
  if (!answer || !socket) {
    socket?.destroy()
    return
  }
  const bytes = Buffer.from(await answer.arrayBuffer())
  res.writeHead(answer.status, {
    ...headersOf(answer),
    'content-length': String(bytes.length),
  })
  res.flushHeaders()
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
  socket.end()
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
    handle(emulator, req, res, base, host).catch(() => {
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
  // Requests Node cannot parse (a URL or headers past its 16 KB limit, say a huge id; a broken request
  // line) get an envelope too, instead of Node's bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy()
      return
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    const body = envelope(
      'malformed_request_parameters',
      'Malformed request parameters',
      tooLarge
        ? 'The request line or headers are larger than the emulator accepts (16 KB).'
        : 'The request could not be parsed.',
    )
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    )
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
