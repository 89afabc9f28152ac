import { request as httpRequest } from 'node:http'
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

  it('rejects when the port is taken', async () => {
    const first = await startEmulatorServer()
    const port = Number(new URL(first.url).port)
    await expect(startEmulatorServer({ port })).rejects.toThrow(/EADDRINUSE/)
    await first.close()
  })
})
