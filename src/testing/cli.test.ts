import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { type CliIo, main } from './cli'
import type { EmulatorServer } from './http-server'

function capture(onListening?: (server: EmulatorServer) => void) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), onListening }
  return { io, out, err }
}

async function seedFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rea-emulator-'))
  const file = join(dir, 'seed.json')
  await writeFile(file, content)
  return file
}

/** Sends a code through the running server and checks it reached the outbox but no console or output. */
async function expectCodesNeverLogged(server: EmulatorServer, out: string[]) {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(() => undefined),
  )
  try {
    const db = (await (await fetch(`${server.url}/v1/dev_browser`, { method: 'POST' })).json()) as {
      id: string
    }
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const created = await fetch(`${server.url}/v1/me/email_addresses/?__clerk_db_jwt=${db.id}`, {
      method: 'POST',
      headers: form,
      body: 'email_address=secret%40example.com',
    })
    const { response } = (await created.json()) as { response: { id: string } }
    const path = `/v1/me/email_addresses/${response.id}/prepare_verification`
    await fetch(`${server.url}${path}?__clerk_db_jwt=${db.id}`, {
      method: 'POST',
      headers: form,
      body: 'strategy=email_code',
    })
    const code = server.emulator.latestMessage('secret@example.com')?.code
    expect(code).toMatch(/^\d{6}$/)
    expect(out.join('\n')).not.toContain(code)
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled()
    }
  } finally {
    for (const spy of spies) {
      spy.mockRestore()
    }
  }
}

describe('cli main()', () => {
  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--port', '70000'], /--port must be an integer/],
    [['--secret-key', 'hunter2'], /--secret-key must look like sk_test_/],
    [['--host', ''], /--host must not be empty/],
    [['--seed', '/nonexistent/seed.json'], /--seed: cannot read/],
    [['extra'], /positional/],
    [['--allow-origin', 'https://app.example.com/verify'], /--allow-origin must be an origin/],
    [['--allow-origin', 'app.example.com'], /--allow-origin must be an origin/],
    [['--session-id', 'jane'], /--session-id must be "sess_" followed by letters and digits/],
  ])('rejects %j with exit code 2 and a clear message', async (argv, message) => {
    const { io, err } = capture()
    expect(await main(argv, io)).toBe(2)
    expect(err[0]).toMatch(message)
    expect(err.join('\n')).toContain('Usage: react-email-addresses-emulator')
  })

  it('rejects an invalid seed file with exit code 2', async () => {
    const { io, err } = capture()
    const file = await seedFile('{"users": [{"email_addresses": [42]}]}')
    expect(await main(['--seed', file], io)).toBe(2)
    expect(err[0]).toContain('seed.users[0].email_addresses[0] must be a string')
  })

  it('rejects a seed whose linked_to is not an OAuth or SAML link', async () => {
    const { io, err } = capture()
    const file = await seedFile(
      '{"users": [{"email_addresses": [{"email_address": "a@b.co", "linked_to": [{"type": "github"}]}]}]}',
    )
    expect(await main(['--seed', file], io)).toBe(2)
    expect(err[0]).toContain('seed.users[0].email_addresses[0].linked_to must be an array of')
  })

  it.each([
    ['{"users": [{"id": "jane", "email_addresses": []}]}', 'seed.users[0].id must be "user_"'],
    [
      '{"users": [{"session_id": "sess_a", "email_addresses": []}, {"session_id": "sess_a", "email_addresses": []}]}',
      'seed.users[1].session_id "sess_a" is used twice',
    ],
  ])('rejects a seed with a malformed or repeated fixed id: %s', async (seed, message) => {
    const { io, err } = capture()
    expect(await main(['--seed', await seedFile(seed)], io)).toBe(2)
    expect(err[0]).toContain(message)
  })

  it("signs in with --session-id and the seed's user id, prints both, and keeps them after a reset", async () => {
    const file = await seedFile(
      JSON.stringify({ users: [{ id: 'user_cli', email_addresses: ['cli@example.com'] }] }),
    )
    const before = process.listeners('SIGTERM')
    let served: EmulatorServer | null = null
    const { io, out } = capture((server) => {
      served = server
    })
    const exit = main(['--port', '0', '--seed', file, '--session-id', 'sess_cli123'], io)
    await expect.poll(() => served, { timeout: 5_000 }).not.toBeNull()
    const server = served as unknown as EmulatorServer
    expect(out[2]).toBe('Signed in: user user_cli, session sess_cli123 (pass it as sessionId)')
    const ids = async () =>
      (await (await fetch(`${server.url}/__emulator/state`)).json()) as Record<string, string>
    expect(await ids()).toMatchObject({ user_id: 'user_cli', session_id: 'sess_cli123' })
    // The session is real: FAPI answers for it with the seeded user.
    const me = await fetch(`${server.url}/v1/me?_clerk_session_id=sess_cli123`)
    expect(me.status).toBe(200)
    expect(((await me.json()) as { response: { id: string } }).response.id).toBe('user_cli')
    // A reset without a body goes back to the seed it started from, ids included.
    const created = await fetch(`${server.url}/v1/me/email_addresses/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email_address=more%40example.com&_clerk_session_id=sess_cli123',
    })
    expect(created.status).toBe(200)
    expect((await fetch(`${server.url}/__emulator/reset`, { method: 'POST' })).status).toBe(200)
    expect(await ids()).toMatchObject({ user_id: 'user_cli', session_id: 'sess_cli123' })
    const after = (await (
      await fetch(`${server.url}/v1/me?_clerk_session_id=sess_cli123`)
    ).json()) as {
      response: { email_addresses: { email_address: string }[] }
    }
    expect(after.response.email_addresses.map((e) => e.email_address)).toEqual(['cli@example.com'])
    process.listeners('SIGTERM').filter((l) => !before.includes(l))[0]!('SIGTERM')
    expect(await exit).toBe(0)
  })

  it('with --session-id and no seed, signs in the default user under that id', async () => {
    const before = process.listeners('SIGTERM')
    let served: EmulatorServer | null = null
    const { io, out } = capture((server) => {
      served = server
    })
    const exit = main(['--port', '0', '--session-id', 'sess_default'], io)
    await expect.poll(() => served, { timeout: 5_000 }).not.toBeNull()
    expect(out[2]).toMatch(/^Signed in: user user_[0-9A-Za-z]{27}, session sess_default /)
    const server = served as unknown as EmulatorServer
    const me = (await (
      await fetch(`${server.url}/v1/me?_clerk_session_id=sess_default`)
    ).json()) as {
      response: { first_name: string }
    }
    expect(me.response.first_name).toBe('Jane')
    process.listeners('SIGTERM').filter((l) => !before.includes(l))[0]!('SIGTERM')
    expect(await exit).toBe(0)
  })

  it('prints help with exit code 0', async () => {
    const { io, out } = capture()
    expect(await main(['--help'], io)).toBe(0)
    expect(out[0]).toContain('--secret-key')
  })

  it('serves the seed with --strict and --secret-key, prints its URLs, and exits 0 on SIGTERM', async () => {
    const file = await seedFile(
      JSON.stringify({ users: [{ email_addresses: ['cli@example.com'] }] }),
    )
    const before = process.listeners('SIGTERM')
    const beforeInt = process.listeners('SIGINT')
    let served: EmulatorServer | null = null
    const { io, out } = capture((server) => {
      served = server
    })
    const exit = main(
      ['--port', '0', '--seed', file, '--strict', '--secret-key', 'sk_test_cli'],
      io,
    )
    await expect.poll(() => served, { timeout: 5_000 }).not.toBeNull()
    const server = served as unknown as EmulatorServer
    expect(out[0]).toBe(`FAPI emulator listening on ${server.url}`)
    expect(out[1]).toBe(`Inbox: ${server.url}/__emulator/inbox`)
    const { userId, sessionId } = server.emulator.signedIn
    expect(out[2]).toBe(`Signed in: user ${userId}, session ${sessionId} (pass it as sessionId)`)
    expect(sessionId).toMatch(/^sess_[0-9A-Za-z]{27}$/)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
    const state = (await (await fetch(`${server.url}/__emulator/state`)).json()) as {
      strict: boolean
    }
    expect(state.strict).toBe(true)
    expect((await fetch(`${server.url}/v1/me`)).status).toBe(401)
    const bapi = await fetch(`${server.url}/v1/email_addresses/idn_x`, {
      headers: { authorization: 'Bearer sk_test_cli' },
    })
    expect(bapi.status).toBe(404)
    await expectCodesNeverLogged(server, out)
    // Call the handler main() registered, rather than signalling the whole test worker.
    const added = process.listeners('SIGTERM').filter((l) => !before.includes(l))
    expect(added).toHaveLength(1)
    added[0]!('SIGTERM')
    expect(await exit).toBe(0)
    expect(process.listeners('SIGTERM')).toEqual(before)
    expect(process.listeners('SIGINT')).toEqual(beforeInt)
    await expect(fetch(`${server.url}/v1/me`)).rejects.toThrow(TypeError)
    expect(out.at(-1)).toBe('Stopped (SIGTERM).')
  })

  it('--allow-origin (repeatable) adds origins to CORS and to /v1/verify redirects', async () => {
    const before = process.listeners('SIGTERM')
    let served: EmulatorServer | null = null
    const { io } = capture((server) => {
      served = server
    })
    const exit = main(
      [
        '--port',
        '0',
        '--allow-origin',
        'https://app.myco.dev',
        '--allow-origin',
        'https://Admin.myco.dev/',
      ],
      io,
    )
    await expect.poll(() => served, { timeout: 5_000 }).not.toBeNull()
    const server = served as unknown as EmulatorServer
    try {
      for (const [origin, status] of [
        ['https://app.myco.dev', 200],
        ['https://admin.myco.dev', 200],
        ['https://other.myco.dev', 400],
      ] as const) {
        const res = await fetch(`${server.url}/__emulator/outbox`, { headers: { origin } })
        expect([origin, res.status]).toEqual([origin, status])
        expect(res.headers.get('access-control-allow-origin')).toBe(status === 200 ? origin : null)
      }
    } finally {
      process.listeners('SIGTERM').find((l) => !before.includes(l))!('SIGTERM')
      expect(await exit).toBe(0)
    }
  })
})
