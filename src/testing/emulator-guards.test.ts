/**
 * The emulator as a tool on a developer's machine: which origins it answers, how large a body it
 * reads, which API versions it speaks, and where an email link may send the browser.
 */
import { describe, expect, it } from 'vitest'
import type { EmailAddressJSON, UserJSON } from '../api/wire-types'
import { createFapiEmulator } from './emulator'
import { TRANSPORTS, useHarness } from './test-harness'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe.each(TRANSPORTS)('origins (%s)', (transport) => {
  const h = useHarness(transport, { settings: { allowedOrigins: ['https://staging.myapp.dev'] } })

  it.each([
    'http://localhost:5173',
    'http://127.0.0.1:6006',
    'http://[::1]:3000',
    'http://app.localhost',
    'https://app.example.test',
    'https://app.example',
    'https://www.example.com',
    'https://staging.myapp.dev',
  ])('answers %s with CORS', async (origin) => {
    const res = await h.call('GET', '/__emulator/outbox', { headers: { origin } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
  })

  it.each([
    'https://evil.example.org.attacker.com',
    'https://myapp.dev',
    'null',
    'http://10.0.0.5',
  ])(
    'refuses %s on every route, before anything changes, and sends no CORS headers',
    async (origin) => {
      const before = h.emulator.outbox.length
      const routes = [
        ['GET', '/__emulator/outbox'],
        ['POST', '/__emulator/reset'],
        ['POST', '/v1/me/email_addresses'],
        ['GET', '/v1/email_addresses/idn_x'],
      ] as const
      for (const [method, path] of routes) {
        const res = await h.call(method, path, {
          headers: { origin },
          form: { email_address: 'cors@example.com' },
        })
        expect([res.status, res.error.code]).toEqual([400, 'origin_invalid'])
        expect(res.error.long_message).toContain('--allow-origin')
        expect(res.headers.get('access-control-allow-origin')).toBeNull()
      }
      const me = await h.call<{ response: UserJSON }>('GET', '/v1/me')
      expect(me.body.response.email_addresses.map((e) => e.email_address)).toEqual([
        'jane@example.com',
      ])
      expect(h.emulator.outbox.length).toBe(before)
    },
  )

  it('refuses a preflight from a foreign origin and answers one from an allowed origin', async () => {
    for (const [origin, status] of [
      ['https://attacker.com', 400],
      ['http://localhost:5173', 204],
    ] as const) {
      const request = new Request(`${h.base}/__emulator/faults`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
      const res = transport === 'http' ? await fetch(request) : await h.emulator.fetch(request)
      expect(res.status).toBe(status)
      expect(res.headers.get('access-control-allow-origin')).toBe(status === 204 ? origin : null)
    }
  })
})

describe.each(TRANSPORTS)('request bodies (%s)', (transport) => {
  const h = useHarness(transport)

  it('answers a body over 1 MiB with 413 and a ClerkErrors envelope, and changes nothing', async () => {
    const huge = `email_address=${'a'.repeat(1_048_577)}%40example.com`
    const res = await h.call('POST', '/v1/me/email_addresses', {
      headers: FORM,
      form: { email_address: huge },
    })
    expect([res.status, res.error.code]).toEqual([413, 'request_body_invalid'])
    expect(res.error.long_message).toContain('1048576 bytes')
    const me = await h.call<{ response: UserJSON }>('GET', '/v1/me')
    expect(me.body.response.email_addresses).toHaveLength(1)
  })

  it('answers a huge id with a 404 envelope', async () => {
    const res = await h.call('GET', `/v1/me/email_addresses/idn_${'x'.repeat(8_000)}`)
    expect([res.status, res.error.code]).toEqual([404, 'resource_not_found'])
  })
})

describe('request bodies without a length (in-process, as msw hands them over)', () => {
  it('reads up to the limit and refuses more', async () => {
    const emulator = createFapiEmulator({ maxBodyBytes: 64 })
    const send = (size: number) =>
      emulator.fetch(
        new Request('http://fapi.test/__emulator/faults', {
          method: 'POST',
          body: new Blob([JSON.stringify({ path: `/${'x'.repeat(size)}`, status: 500 })]).stream(),
          duplex: 'half',
        } as RequestInit),
      )
    expect((await send(10)).status).toBe(200)
    expect((await send(100)).status).toBe(413)
  })
})

describe.each(TRANSPORTS)('API versions on the Backend API (%s)', (transport) => {
  const h = useHarness(transport, { settings: { apiVersions: ['2027-01-01'] } })
  const auth = { authorization: 'Bearer sk_test_emulator' }

  it('reads Clerk-API-Version, checks the key first, then the version', async () => {
    const id = h.emulator.signedIn.userId
    const send = async (headers: Record<string, string>) => {
      const request = new Request(`${h.base}/v1/users/${id}`, { headers })
      const res = transport === 'http' ? await fetch(request) : await h.emulator.fetch(request)
      const body = (await res.json()) as { errors?: { code: string }[] }
      return [res.status, body.errors?.[0]?.code ?? 'ok']
    }
    expect(await send({ ...auth, 'clerk-api-version': '2026-05-12' })).toEqual([200, 'ok'])
    expect(await send({ ...auth, 'clerk-api-version': '2027-01-01' })).toEqual([200, 'ok'])
    expect(await send({ ...auth, 'clerk-api-version': '2026-13-01' })).toEqual([400, 'bad_request'])
    expect(await send({ 'clerk-api-version': '2026-13-01' })).toEqual([
      401,
      'authorization_header_format_invalid',
    ])
  })
})

describe.each(TRANSPORTS)('PATCH /v1/me and unsafe_metadata by API version (%s)', (transport) => {
  const h = useHarness(transport)

  it('refuses it from 2026-05-12 on, and stores it on older versions', async () => {
    const form = { unsafe_metadata: '{"theme":"dark"}' }
    const now = await h.call('PATCH', '/v1/me', { form })
    expect([now.status, now.error.code, now.error.meta?.param_name]).toEqual([
      422,
      'form_param_unknown',
      'unsafe_metadata',
    ])
    const old = await h.call<{ response: UserJSON }>('PATCH', '/v1/me', {
      form,
      query: { __clerk_api_version: '2025-04-10' },
    })
    expect(old.status).toBe(200)
    expect(old.body.response.unsafe_metadata).toEqual({ theme: 'dark' })
    const broken = await h.call('PATCH', '/v1/me', {
      form: { unsafe_metadata: '[1' },
      query: { __clerk_api_version: '2025-04-10' },
    })
    expect([broken.status, broken.error.code]).toEqual([422, 'form_param_format_invalid'])
  })
})

describe.each(TRANSPORTS)('GET /v1/verify redirects only to allowed origins (%s)', (transport) => {
  const h = useHarness(transport, {
    settings: {
      allowedOrigins: ['https://staging.myapp.dev'],
      strategies: ['email_code', 'email_link'],
    },
  })

  async function linkTo(redirectUrl: string, address: string) {
    const created = await h.call<{ response: EmailAddressJSON }>('POST', '/v1/me/email_addresses', {
      form: { email_address: address },
    })
    const id = created.body.response.id
    await h.call('POST', `/v1/me/email_addresses/${id}/prepare_verification`, {
      form: { strategy: 'email_link', redirect_url: redirectUrl },
    })
    return { id, link: h.emulator.latestMessage(address)!.link! }
  }

  async function open(link: string) {
    const request = new Request(link, { redirect: 'manual' })
    return transport === 'http' ? fetch(request) : h.emulator.fetch(request)
  }

  it.each(['http://localhost:5173/verified', 'https://staging.myapp.dev/done'])(
    'redirects to %s',
    async (url) => {
      const { link } = await linkTo(url, 'ok@example.com')
      const res = await open(link)
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`${url}?__clerk_status=verified`)
    },
  )

  it('refuses another origin with a clear error, leaves the address unverified, and keeps the link', async () => {
    const { id, link } = await linkTo('https://myapp.com/verified', 'wrong@example.com')
    const res = await open(link)
    const body = (await res.json()) as { errors: { code: string; long_message: string }[] }
    expect(res.status).toBe(400)
    expect(body.errors[0]).toMatchObject({ code: 'form_param_value_invalid' })
    expect(body.errors[0]?.long_message).toMatch(
      /redirects to https:\/\/myapp\.com, which is not an allowed origin.*--allow-origin/,
    )
    const email = await h.call<{ response: EmailAddressJSON }>(
      'GET',
      `/v1/me/email_addresses/${id}`,
    )
    expect(email.body.response.verification?.status).toBe('unverified')
  })
})
