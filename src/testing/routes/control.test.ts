import { describe, expect, it, vi } from 'vitest'
import type { EmailAddressJSON } from '../../api/wire-types'
import { escapeHtml, renderInbox } from '../inbox-html'
import { TRANSPORTS, useHarness } from '../test-harness'
import type { OutboxMessage, RequestLogEntry } from '../types'

async function addAndSend(
  h: ReturnType<typeof useHarness>,
  address: string,
  strategy = 'email_code',
) {
  const created = await h.call<{ response: EmailAddressJSON }>('POST', '/v1/me/email_addresses/', {
    form: { email_address: address },
  })
  const id = created.body.response.id
  await h.call('POST', `/v1/me/email_addresses/${id}/prepare_verification`, {
    form: { strategy, redirect_url: 'https://app.test/done' },
  })
  return id
}

describe.each(TRANSPORTS)('control routes (%s)', (transport) => {
  const h = useHarness(transport, { settings: { strategies: ['email_code', 'email_link'] } })

  it('lists the outbox as JSON and clears it', async () => {
    await addAndSend(h, 'out@example.com')
    const outbox = await h.call<OutboxMessage[]>('GET', '/__emulator/outbox')
    expect(outbox.body).toHaveLength(1)
    expect(outbox.body[0]).toMatchObject({ to: 'out@example.com', strategy: 'email_code' })
    expect(outbox.body[0]!.code).toBe(h.emulator.latestMessage()!.code)
    await h.call('DELETE', '/__emulator/outbox', { realVerb: true })
    expect((await h.call<OutboxMessage[]>('GET', '/__emulator/outbox')).body).toEqual([])
  })

  it('renders the inbox as HTML with each code and a working link', async () => {
    await addAndSend(h, 'code@example.com')
    await addAndSend(h, 'link@example.com', 'email_link')
    const response = await rawGet(h, '/__emulator/inbox')
    expect(response.headers.get('content-type')).toContain('text/html')
    const html = await response.text()
    expect(html).toContain(
      `<code data-testid="code">${h.emulator.latestMessage('code@example.com')!.code}</code>`,
    )
    const link = h.emulator.latestMessage('link@example.com')!.link!
    expect(html).toContain(`href="${escapeHtml(link)}"`)
    const followed = await rawGet(h, link.slice(h.base.length))
    expect(followed.status).toBe(303)
  })

  it('reports the signed-in ids and resets from a JSON seed', async () => {
    const state = await h.call<{ client_id: string; session_id: string; user_id: string }>(
      'GET',
      '/__emulator/state',
    )
    expect(state.body).toMatchObject({
      client_id: h.emulator.signedIn.clientId,
      session_id: h.emulator.signedIn.sessionId,
      user_id: h.emulator.signedIn.userId,
    })
    const reset = await h.call('POST', '/__emulator/reset', {
      json: { users: [{ email_addresses: ['z@example.com'] }] },
    })
    expect(reset.status).toBe(200)
    expect(h.emulator.signedIn.userId).not.toBe(state.body.user_id)
    const bad = await h.call('POST', '/__emulator/reset', { json: { users: 'nope' } })
    expect([bad.status, bad.error.code, bad.error.long_message]).toEqual([
      400,
      'request_body_invalid',
      'seed.users must be an array',
    ])
  })

  it('resets to the seed it started with on an empty body, and to a given seed otherwise', async () => {
    const verifications = async () =>
      (
        await h.call<{
          user_settings: { attributes: { email_address: { verifications: string[] } } }
        }>('GET', '/v1/environment')
      ).body.user_settings.attributes.email_address.verifications
    await h.call('POST', '/__emulator/reset', { json: {} })
    expect(await verifications()).toEqual(['email_code'])
    await h.call('POST', '/__emulator/reset')
    expect(await verifications()).toEqual(['email_code', 'email_link'])
  })

  it('changes settings and keeps the state: a step-up switched on halfway applies at once', async () => {
    const id = await addAndSend(h, 'kept@example.com')
    const changed = await h.call<{ reverificationRequired: string[] }>(
      'POST',
      '/__emulator/settings',
      { json: { reverificationRequired: ['delete_email_address'] } },
    )
    expect(changed.body.reverificationRequired).toEqual(['delete_email_address'])
    const read = await h.call<{ reverificationRequired: string[]; strategies: string[] }>(
      'GET',
      '/__emulator/settings',
    )
    expect(read.body).toMatchObject({
      reverificationRequired: ['delete_email_address'],
      strategies: ['email_code', 'email_link'],
    })
    // The address added before the change is still there, and removing it now asks for a step-up.
    const refused = await h.call('POST', `/v1/me/email_addresses/${id}`, {
      query: { _method: 'DELETE' },
    })
    expect([refused.status, refused.error.code]).toEqual([403, 'session_reverification_required'])
    const bad = await h.call('POST', '/__emulator/settings', {
      json: { reverificationRequired: ['launch_rockets'] },
    })
    expect([bad.status, bad.error.code]).toEqual([400, 'request_body_invalid'])
    expect(bad.error.long_message).toContain('"launch_rockets" is not one of')
  })

  it('advances the clock', async () => {
    const before = h.emulator.clock.now()
    const res = await h.call<{ now: number }>('POST', '/__emulator/clock', {
      json: { advance_ms: 60_000 },
    })
    expect(res.body.now).toBeGreaterThanOrEqual(before + 60_000)
  })
})

describe.each(TRANSPORTS)('faults (%s)', (transport) => {
  const h = useHarness(transport)

  it('answers the next N matching requests with the status and code, then recovers', async () => {
    const queued = await h.call('POST', '/__emulator/faults', {
      json: { method: 'DELETE', path: '/v1/me/email_addresses/*', times: 2, status: 503 },
    })
    expect(queued.status).toBe(200)
    const get = await h.call('GET', '/v1/me/email_addresses/idn_x')
    expect(get.status).toBe(404)
    for (let i = 0; i < 2; i += 1) {
      const res = await h.call('DELETE', '/v1/me/email_addresses/idn_x')
      expect([res.status, res.error.code]).toEqual([503, 'maintenance_mode'])
    }
    expect((await h.call('DELETE', '/v1/me/email_addresses/idn_x')).status).toBe(404)
  })

  it('uses the given code, and a 429 carries Retry-After', async () => {
    h.emulator.injectFault({
      path: '/v1/me/email_addresses',
      status: 429,
      code: 'too_many_requests',
    })
    const res = await h.call('POST', '/v1/me/email_addresses/', {
      form: { email_address: 'a@example.com' },
    })
    expect([res.status, res.error.code, res.headers.get('retry-after')]).toEqual([
      429,
      'too_many_requests',
      '1',
    ])
  })

  it('delays a response', async () => {
    h.emulator.injectFault({ method: 'GET', path: '/v1/me', delayMs: 80 })
    const started = Date.now()
    const res = await h.call('GET', '/v1/me')
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(70)
  })

  it('drops the connection like a network error', async () => {
    h.emulator.injectFault({ path: '/v1/me', drop: true })
    await expect(h.call('GET', '/v1/me')).rejects.toThrow(TypeError)
    expect((await h.call('GET', '/v1/me')).status).toBe(200)
  })

  it('rejects malformed faults', async () => {
    const res = await h.call('POST', '/__emulator/faults', { json: { path: 'v1/me', status: 200 } })
    expect([res.status, res.error.code]).toEqual([400, 'request_body_invalid'])
    const hold = await h.call('POST', '/__emulator/faults', {
      json: { path: '/v1/me', holdMs: -1 },
    })
    expect(hold.error.long_message).toBe('fault.holdMs must be a non-negative integer')
  })

  it('holds a request, before the change, until the clock has moved past its time', async () => {
    await h.call('POST', '/__emulator/faults', {
      json: { method: 'POST', path: '/v1/me/email_addresses', holdMs: 10_000 },
    })
    const pending = h.call('POST', '/v1/me/email_addresses/', {
      form: { email_address: 'slow@example.com' },
    })
    await vi.waitFor(() => expect(h.emulator.requests.at(-1)?.held).toBe(true))
    // Held before the change: nothing is made yet, and 9 s are not enough.
    expect(await addresses(h)).not.toContain('slow@example.com')
    await h.call('POST', '/__emulator/clock', { json: { advance_ms: 9_000 } })
    expect(await addresses(h)).not.toContain('slow@example.com')
    await h.call('POST', '/__emulator/clock', { json: { advance_ms: 1_000 } })
    expect((await pending).status).toBe(200)
    expect(await addresses(h)).toContain('slow@example.com')
  })

  it('holds the answer after the change until released; a reset drops what is held', async () => {
    await h.call('POST', '/__emulator/faults', {
      json: {
        method: 'DELETE',
        path: '/v1/me/email_addresses/*',
        holdMs: 60_000,
        afterCommit: true,
      },
    })
    const id = await addAndSend(h, 'gone@example.com')
    const pending = h.call('DELETE', `/v1/me/email_addresses/${id}`)
    await vi.waitFor(() => expect(h.emulator.requests.at(-1)?.held).toBe(true))
    // The change is made; only the answer waits.
    expect(await addresses(h)).not.toContain('gone@example.com')
    const released = await h.call<{ released: number }>('POST', '/__emulator/faults/release')
    expect(released.body).toEqual({ released: 1 })
    expect((await pending).status).toBe(200)

    h.emulator.injectFault({ method: 'GET', path: '/v1/me', holdMs: 60_000 })
    const dropped = h.call('GET', '/v1/me')
    await vi.waitFor(() => expect(h.emulator.requests.at(-1)?.held).toBe(true))
    await h.call('POST', '/__emulator/reset')
    await expect(dropped).rejects.toThrow(TypeError)
    expect(h.emulator.releaseHeld()).toBe(0)
  })
})

describe.each(TRANSPORTS)('request log (%s)', (transport) => {
  const h = useHarness(transport, { now: Date.UTC(2026, 0, 1) })

  it('lists each Frontend API request with its logical verb, path, time and status', async () => {
    const id = await addAndSend(h, 'log@example.com')
    await h.call('POST', '/__emulator/clock', { json: { advance_ms: 5_000 } })
    await h.call('DELETE', `/v1/me/email_addresses/${id}`)
    await h.call('GET', '/v1/me/email_addresses/idn_missing')
    await h.call('GET', '/v1/email_addresses/idn_x', {
      headers: { authorization: 'Bearer sk_test_emulator' },
    })
    const log = await h.call<RequestLogEntry[]>('GET', '/__emulator/requests')
    const start = Date.UTC(2026, 0, 1)
    // Control routes and the Backend API are not in it; the trailing slash of a create is dropped.
    expect(log.body).toEqual([
      { method: 'POST', path: '/v1/me/email_addresses', time: start, status: 200, held: false },
      {
        method: 'POST',
        path: `/v1/me/email_addresses/${id}/prepare_verification`,
        time: start,
        status: 200,
        held: false,
      },
      {
        method: 'DELETE',
        path: `/v1/me/email_addresses/${id}`,
        time: start + 5_000,
        status: 200,
        held: false,
      },
      {
        method: 'GET',
        path: '/v1/me/email_addresses/idn_missing',
        time: start + 5_000,
        status: 404,
        held: false,
      },
    ])
    expect(h.emulator.requests).toEqual(log.body)
  })

  it('starts again after DELETE /__emulator/requests and after a reset', async () => {
    await h.call('GET', '/v1/me')
    await h.call('DELETE', '/__emulator/requests', { realVerb: true })
    expect((await h.call('GET', '/__emulator/requests')).body).toEqual([])
    await h.call('GET', '/v1/me')
    expect(h.emulator.requests).toHaveLength(1)
    await h.call('POST', '/__emulator/reset')
    expect(h.emulator.requests).toEqual([])
  })
})

async function addresses(h: ReturnType<typeof useHarness>): Promise<string[]> {
  const me = await h.emulator.fetch(
    new Request(`http://fapi.test/v1/me?_clerk_session_id=${h.emulator.signedIn.sessionId}`),
  )
  const body = (await me.json()) as { response: { email_addresses: { email_address: string }[] } }
  return body.response.email_addresses.map((e) => e.email_address)
}

describe('inbox escaping', () => {
  it('escapes every text and only links http(s) URLs', () => {
    const message: OutboxMessage = {
      id: 'msg_1',
      to: '"><img src=x onerror=alert(1)>@example.com',
      subject: '<script>alert(1)</script>',
      strategy: 'email_link',
      purpose: 'verification',
      code: null,
      link: 'javascript:alert(1)',
      email_address_id: 'idn_1',
      user_id: 'user_1',
      created_at: 0,
    }
    const html = renderInbox([message])
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('javascript:')
    expect(html).toContain('&lt;script&gt;')
  })
})

async function rawGet(h: ReturnType<typeof useHarness>, path: string) {
  const request = new Request(new URL(path, h.base), { redirect: 'manual' })
  return h.base === 'http://fapi.test' ? h.emulator.fetch(request) : fetch(request)
}
