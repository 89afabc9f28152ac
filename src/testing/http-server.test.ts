import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createFapiEmulator } from './emulator'
import { startEmulatorServer } from './http-server'

describe('startEmulatorServer', () => {
  it('binds 127.0.0.1 on a free port by default and closes with open keep-alive connections', async () => {
    const server = await startEmulatorServer()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${server.url}/v1/me`, { headers: { connection: 'keep-alive' } })
    expect(res.status).toBe(200)
    await server.close()
    await expect(fetch(`${server.url}/v1/me`)).rejects.toThrow(TypeError)
  })

  it('passes form bodies through and sets the __client cookie over real HTTP', async () => {
    const emulator = createFapiEmulator()
    const server = await startEmulatorServer({ emulator, port: 0 })
    try {
      const res = await fetch(
        `${server.url}/v1/me/email_addresses/?_clerk_session_id=${emulator.signedIn.sessionId}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'http://localhost:5173',
          },
          body: 'email_address=http%40example.com',
        },
      )
      expect(res.status).toBe(200)
      expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^__client=client_/)])
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    } finally {
      await server.close()
    }
  })

  it('destroys the socket for a dropped-connection fault', async () => {
    const emulator = createFapiEmulator()
    emulator.injectFault({ path: '/v1/me', drop: true })
    const server = await startEmulatorServer({ emulator })
    try {
      const outcome = await new Promise<string>((resolve) => {
        const req = httpRequest(`${server.url}/v1/me`, (res) => resolve(`status ${res.statusCode}`))
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
        req.end()
      })
      expect(outcome).toBe('ECONNRESET')
    } finally {
      await server.close()
    }
  })

  it('drops after the change only once the answer has started: nothing to resend, one change', async () => {
    const emulator = createFapiEmulator()
    const server = await startEmulatorServer({ emulator })
    const session = `_clerk_session_id=${emulator.signedIn.sessionId}`
    const create = `${server.url}/v1/me/email_addresses?${session}`
    const lostAfterCommit = () =>
      emulator.injectFault({
        method: 'POST',
        path: '/v1/me/email_addresses',
        drop: true,
        afterCommit: true,
      })
    try {
      lostAfterCommit()
      // The status line and headers arrive (so a browser never sends the request again), then the
      // connection ends halfway through the body.
      expect(await postAndWatch(create, 'email_address=one%40example.com')).toEqual({
        status: 200,
        cutMidBody: true,
      })
      lostAfterCommit()
      // What `fetch` makes of it: the answer resolves, reading its body fails.
      const answer = await fetch(create, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email_address=two%40example.com',
      })
      expect(answer.status).toBe(200)
      await expect(answer.text()).rejects.toThrow(TypeError)

      const user = (await (await fetch(`${server.url}/v1/me?${session}`)).json()) as {
        response: { email_addresses: { email_address: string }[] }
      }
      expect(user.response.email_addresses.map((e) => e.email_address)).toEqual([
        expect.any(String),
        'one@example.com',
        'two@example.com',
      ])
      // Each change once; no complete answer, so no status in the log.
      expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'POST /v1/me/email_addresses null',
        'POST /v1/me/email_addresses null',
        'GET /v1/me 200',
      ])
    } finally {
      await server.close()
    }
  })

  it('rejects when the port is taken', async () => {
    const first = await startEmulatorServer()
    const port = Number(new URL(first.url).port)
    await expect(startEmulatorServer({ port })).rejects.toThrow(/EADDRINUSE/)
    await first.close()
  })

  it.each([
    ['a malformed Host', 'exa mple:80'],
    ['a Host with a path', 'localhost/evil'],
    ['a foreign name pointed at this machine (DNS rebinding)', 'attacker.com:4010'],
  ])('answers %s with 400 host_invalid', async (_name, host) => {
    const server = await startEmulatorServer()
    try {
      const raw = await rawRequest(
        server.url,
        `GET /__emulator/outbox HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      )
      expect(raw).toMatch(/^HTTP\/1\.1 400 /)
      expect(JSON.parse(raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1)).errors[0].code).toBe(
        'host_invalid',
      )
    } finally {
      await server.close()
    }
  })

  it('accepts loopback and reserved names as Host', async () => {
    const server = await startEmulatorServer()
    try {
      for (const host of ['localhost:4010', '127.0.0.1', '[::1]:4010', 'fapi.test']) {
        const raw = await rawRequest(
          server.url,
          `GET /v1/environment HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
        )
        expect(raw).toMatch(/^HTTP\/1\.1 200 /)
      }
    } finally {
      await server.close()
    }
  })

  it('answers a URL past Node’s header limit (a huge id) with a ClerkErrors envelope', async () => {
    const server = await startEmulatorServer()
    try {
      const res = await fetch(`${server.url}/v1/me/email_addresses/idn_${'x'.repeat(20_000)}`)
      expect(res.status).toBe(431)
      const body = (await res.json()) as { errors: { code: string }[]; clerk_trace_id: string }
      expect(body.errors[0]?.code).toBe('malformed_request_parameters')
      expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/)
    } finally {
      await server.close()
    }
  })

  it('answers 413 to a body over the limit without reading the rest, then closes', async () => {
    const emulator = createFapiEmulator({ maxBodyBytes: 1024 })
    const server = await startEmulatorServer({ emulator })
    try {
      // Announced too large: answered before a byte of the body is sent.
      const announced = await rawRequest(
        server.url,
        'POST /v1/me/email_addresses HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-length: 5000000\r\n\r\n',
      )
      expect(announced).toMatch(/^HTTP\/1\.1 413 /)
      expect(announced).toContain('request_body_invalid')
      // Chunked, with no length: refused once it passes the limit.
      const res = await fetch(`${server.url}/v1/me/email_addresses`, {
        method: 'POST',
        body: new Blob(['x'.repeat(4096)]).stream(),
        duplex: 'half',
      } as RequestInit)
      expect(res.status).toBe(413)
      expect(emulator.outbox).toEqual([])
    } finally {
      await server.close()
    }
  })
})

/** POSTs a form with node:http and tells what came back: the status, and whether the body was cut. */
function postAndWatch(
  url: string,
  form: string,
): Promise<{ status?: number; cutMidBody: boolean }> {
  return new Promise((resolve) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        const expected = Number(res.headers['content-length'])
        let received = 0
        res.on('data', (chunk: Buffer) => (received += chunk.length))
        res.on('error', () => undefined)
        res.on('close', () =>
          resolve({ status: res.statusCode, cutMidBody: received > 0 && received < expected }),
        )
      },
    )
    req.on('error', () => resolve({ cutMidBody: false }))
    req.end(form)
  })
}

/** Sends `text` as is and resolves with everything the server wrote before it closed the socket. */
function rawRequest(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text))
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    // Every request here says `Connection: close` (or is refused), so the server ends the socket.
    socket.on('close', () => resolve(received))
    socket.on('error', reject)
  })
}
