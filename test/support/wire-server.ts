/**
 * A small HTTP server on 127.0.0.1 for the client's tests: it records every request exactly as it
 * arrived (method, path, query, content type, raw body) and answers with whatever the test scripts.
 * Deliberately dumb: the rules of FAPI live in the emulator; this checks the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach } from 'vitest'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** The query parameter names in the order they were sent. */
  queryOrder: string[]
  headers: IncomingMessage['headers']
  contentType: string | undefined
  body: string
  form: Record<string, string>
}

export interface Reply {
  status?: number
  json?: unknown
  text?: string
  headers?: Record<string, string>
  /** Destroy the socket without answering: the client sees a network error. */
  drop?: boolean
  /** Answer only once this settles (e.g. a `gate()`'s `pass()`): the request stays in flight until then. */
  until?: Promise<unknown>
}

export type Responder = (request: RecordedRequest) => Reply

export interface WireServer {
  url: string
  requests: RecordedRequest[]
  /** Answers every following request with `responder` (replacing the previous one). */
  respond(responder: Responder): void
  /** Answers the next requests with these replies, in order, then with the current responder. */
  queue(...replies: Reply[]): void
  close(): Promise<void>
}

/** Starts a server on an ephemeral loopback port. Close it in `afterAll`. */
export async function startWireServer(): Promise<WireServer> {
  const requests: RecordedRequest[] = []
  const queued: Reply[] = []
  let responder: Responder = () => ({ status: 500, json: { errors: [] } })

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = Buffer.concat(chunks).toString('utf8')
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      queryOrder: [...url.searchParams.keys()],
      headers: req.headers,
      contentType: req.headers['content-type'],
      body,
      form: Object.fromEntries(new URLSearchParams(body)),
    }
    requests.push(recorded)
    const reply = queued.shift() ?? responder(recorded)
    if (reply.until) {
      await reply.until
    }
    send(res, reply)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      responder = next
    },
    queue(...replies) {
      queued.push(...replies)
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.drop) {
    res.socket?.destroy()
    return
  }
  const isJson = reply.json !== undefined
  res.writeHead(reply.status ?? 200, {
    'content-type': isJson ? 'application/json' : 'text/html; charset=utf-8',
    ...reply.headers,
  })
  res.end(isJson ? JSON.stringify(reply.json) : (reply.text ?? ''))
}

/**
 * The server of one test file: started before its first test and closed after its last; before each
 * test its recorded requests are cleared and, when `responder` is given, its answers reset to it.
 * @example const server = setupWireServer(() => ({ json: bapiEmailJSON() }))
 */
export function setupWireServer(responder?: Responder): WireServer {
  let current: WireServer | undefined
  const server = () => {
    if (!current) {
      throw new Error('setupWireServer: the server is used before beforeAll started it')
    }
    return current
  }
  beforeAll(async () => {
    current = await startWireServer()
  })
  afterAll(() => current?.close())
  beforeEach(() => {
    server().requests.length = 0
    if (responder) {
      server().respond(responder)
    }
  })
  return {
    get url() {
      return server().url
    },
    get requests() {
      return server().requests
    },
    respond: (next) => server().respond(next),
    queue: (...replies) => server().queue(...replies),
    close: () => server().close(),
  }
}
