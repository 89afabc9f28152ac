import { describe, expect, it } from 'vitest'
import type { EmailAddressJSON, UserJSON } from '../../api/wire-types'
import { type Harness, TRANSPORTS, useHarness } from '../test-harness'

type Wrapped<T> = { response: T }

/** The parts of `Client.SessionReverification` these tests read. */
interface ReverificationJSON {
  object: string
  level: string
  status: string
  supported_first_factors: { strategy: string; email_address_id: string; primary: boolean }[]
  first_factor_verification: { status: string; attempts: number; expire_at: number } | null
  session: { id: string; factor_verification_age: number[] }
}

const SEED = {
  now: 1_755_199_800_000,
  users: [
    {
      email_addresses: [
        'jane@example.com',
        'jane+clerk_test@example.com',
        { email_address: 'new@example.com', verified: false },
      ],
    },
  ],
  settings: { reverificationRequired: ['create_email_address' as const] },
}

function step(h: Harness, path: string, form: Record<string, string>) {
  const { sessionId } = h.emulator.signedIn
  return h.call<Wrapped<ReverificationJSON>>('POST', `/v1/client/sessions/${sessionId}${path}`, {
    form,
  })
}

async function emailIds(h: Harness) {
  const me = await h.call<Wrapped<UserJSON>>('GET', '/v1/me')
  const [jane, test, unverified] = me.body.response.email_addresses.map((e) => e.id)
  return { jane: jane!, test: test!, unverified: unverified! }
}

function createAddress(h: Harness) {
  return h.call<Wrapped<EmailAddressJSON>>('POST', '/v1/me/email_addresses/', {
    form: { email_address: 'work@example.com' },
  })
}

describe.each(TRANSPORTS)('session reverification (%s)', (transport) => {
  const h = useHarness(transport, SEED)

  it('403 → verify → prepare (code in the outbox) → wrong code 422 → right code → the retry goes through', async () => {
    const denied = await createAddress(h)
    expect([denied.status, denied.error.code]).toEqual([403, 'session_reverification_required'])
    const ids = await emailIds(h)

    // Clerk's modal asks for `second_factor` when the error names no level; without second
    // factors FAPI falls back to the first factor.
    const started = await step(h, '/verify', { level: 'second_factor' })
    expect(started.status).toBe(200)
    expect(started.body.response).toMatchObject({
      object: 'session_reverification',
      level: 'first_factor',
      status: 'needs_first_factor',
      first_factor_verification: null,
      session: { id: h.emulator.signedIn.sessionId },
    })
    // Every verified address is a factor (the unverified one is not); the primary is marked.
    expect(started.body.response.supported_first_factors).toEqual([
      expect.objectContaining({
        strategy: 'email_code',
        email_address_id: ids.jane,
        primary: true,
      }),
      expect.objectContaining({
        strategy: 'email_code',
        email_address_id: ids.test,
        primary: false,
      }),
    ])
    expect(started.client?.id).toBe(h.emulator.signedIn.clientId)

    const prepared = await step(h, '/verify/prepare_first_factor', {
      strategy: 'email_code',
      email_address_id: ids.jane,
    })
    expect(prepared.body.response.first_factor_verification).toEqual({
      object: 'verification_otp',
      status: 'unverified',
      strategy: 'email_code',
      attempts: 0,
      expire_at: SEED.now + 10 * 60_000,
    })
    const message = h.emulator.latestMessage('jane@example.com')!
    expect(message).toMatchObject({ purpose: 'reverification', strategy: 'email_code' })
    expect(message.code).toMatch(/^\d{6}$/)

    const wrong = await step(h, '/verify/attempt_first_factor', {
      strategy: 'email_code',
      code: message.code === '000000' ? '111111' : '000000',
    })
    expect([wrong.status, wrong.error.code, wrong.error.meta?.param_name]).toEqual([
      422,
      'form_code_incorrect',
      'code',
    ])
    expect(wrong.client?.id).toBe(h.emulator.signedIn.clientId)
    expect((await createAddress(h)).status).toBe(403)

    const done = await step(h, '/verify/attempt_first_factor', {
      strategy: 'email_code',
      code: message.code!,
    })
    expect(done.status).toBe(200)
    expect(done.body.response).toMatchObject({
      status: 'complete',
      first_factor_verification: { status: 'verified', attempts: 2 },
      session: { factor_verification_age: [0, -1] },
    })
    expect((await createAddress(h)).status).toBe(200)
    // Fresh for reverificationMaxAgeMs (10 minutes), then required again.
    h.emulator.clock.advance(10 * 60_000 + 1)
    const stale = await h.call('POST', '/v1/me/email_addresses/', {
      form: { email_address: 'later@example.com' },
    })
    expect(stale.status).toBe(403)
  })

  it('a +clerk_test address gets 424242 and no email (test mode)', async () => {
    const ids = await emailIds(h)
    await step(h, '/verify', { level: 'first_factor' })
    await step(h, '/verify/prepare_first_factor', {
      strategy: 'email_code',
      email_address_id: ids.test,
    })
    expect(h.emulator.outbox).toEqual([])
    const done = await step(h, '/verify/attempt_first_factor', {
      strategy: 'email_code',
      code: '424242',
    })
    expect(done.body.response.status).toBe('complete')
  })

  it('a new prepare replaces the code; expired and exhausted codes answer 400', async () => {
    const ids = await emailIds(h)
    const prepare = () =>
      step(h, '/verify/prepare_first_factor', {
        strategy: 'email_code',
        email_address_id: ids.jane,
      })
    const attempt = (code: string) =>
      step(h, '/verify/attempt_first_factor', { strategy: 'email_code', code })
    await step(h, '/verify', { level: 'first_factor' })
    await prepare()
    const first = h.emulator.latestMessage()!.code!
    await prepare()
    const second = h.emulator.latestMessage()!.code!
    if (first !== second) {
      expect((await attempt(first)).error.code).toBe('form_code_incorrect')
    }
    h.emulator.clock.advance(10 * 60_000 + 1)
    const late = await attempt(second)
    expect([late.status, late.error.code]).toEqual([400, 'verification_expired'])
    expect(late.client).not.toBeNull()

    await prepare()
    const wrong = h.emulator.latestMessage()!.code === '000000' ? '111111' : '000000'
    expect((await attempt(wrong)).status).toBe(422)
    expect((await attempt(wrong)).status).toBe(422)
    const third = await attempt(wrong)
    expect([third.status, third.error.code]).toEqual([400, 'verification_failed'])
    const after = await attempt(h.emulator.latestMessage()!.code!)
    expect(after.error.code).toBe('verification_failed')
  })

  it.each<[string, Record<string, string>, number, string, string | undefined]>([
    ['/verify', {}, 422, 'form_param_missing', 'level'],
    ['/verify', { level: 'none' }, 422, 'form_param_value_invalid', 'level'],
    [
      '/verify/prepare_first_factor',
      { strategy: 'email_code' },
      422,
      'form_param_missing',
      'email_address_id',
    ],
    [
      '/verify/prepare_first_factor',
      { strategy: 'phone_code' },
      422,
      'form_param_value_invalid',
      'strategy',
    ],
    [
      '/verify/attempt_first_factor',
      { strategy: 'password', password: 'x' },
      422,
      'form_param_value_invalid',
      'strategy',
    ],
    [
      '/verify/attempt_first_factor',
      { strategy: 'email_code', code: '1' },
      400,
      'verification_not_sent',
      undefined,
    ],
    [
      '/verify/prepare_second_factor',
      { strategy: 'phone_code' },
      400,
      'no_second_factors',
      undefined,
    ],
    [
      '/verify/attempt_second_factor',
      { strategy: 'totp', code: '1' },
      400,
      'no_second_factors',
      undefined,
    ],
  ])('%s %j answers %i %s', async (path, form, status, code, param) => {
    if (path !== '/verify') {
      await step(h, '/verify', { level: 'first_factor' })
    }
    const res = await step(h, path, form)
    expect([res.status, res.error.code, res.error.meta?.param_name]).toEqual([status, code, param])
  })

  it('prepares only for the user’s own verified addresses, and only once a reverification started', async () => {
    const ids = await emailIds(h)
    const early = await step(h, '/verify/prepare_first_factor', {
      strategy: 'email_code',
      email_address_id: ids.jane,
    })
    expect([early.status, early.error.code]).toEqual([400, 'verification_missing'])
    await step(h, '/verify', { level: 'multi_factor' })
    for (const id of [ids.unverified, 'idn_unknown']) {
      const res = await step(h, '/verify/prepare_first_factor', {
        strategy: 'email_code',
        email_address_id: id,
      })
      expect([res.status, res.error.meta?.param_name]).toEqual([422, 'email_address_id'])
    }
    expect(h.emulator.outbox).toEqual([])
  })

  it('answers 404 for a session that is not the caller’s', async () => {
    const res = await h.call(
      'POST',
      '/v1/client/sessions/sess_2unknown00000000000000000000/verify',
      {
        form: { level: 'first_factor' },
      },
    )
    expect([res.status, res.error.code]).toEqual([404, 'resource_not_found'])
  })

  it('a completed reverification cannot be attempted again', async () => {
    const ids = await emailIds(h)
    await step(h, '/verify', { level: 'first_factor' })
    await step(h, '/verify/prepare_first_factor', {
      strategy: 'email_code',
      email_address_id: ids.test,
    })
    await step(h, '/verify/attempt_first_factor', { strategy: 'email_code', code: '424242' })
    const again = await step(h, '/verify/attempt_first_factor', {
      strategy: 'email_code',
      code: '424242',
    })
    expect([again.status, again.error.code]).toEqual([400, 'verification_already_verified'])
  })
})
