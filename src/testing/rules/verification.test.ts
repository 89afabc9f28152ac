import { describe, expect, it } from 'vitest'
import type { EmailAddressJSON } from '../../api/wire-types'
import { seeds } from '../fixtures'
import { type Harness, TRANSPORTS, useHarness } from '../test-harness'
import type { InstanceSettings } from '../types'

type Wrapped<T> = { response: T }

/** These tests cover links too, which a fresh instance (the default) does not offer. */
const WITH_LINKS: Pick<InstanceSettings, 'strategies'> = {
  strategies: ['email_code', 'email_link', 'enterprise_sso'],
}

async function create(h: Harness, address: string): Promise<string> {
  const res = await h.call<Wrapped<EmailAddressJSON>>('POST', '/v1/me/email_addresses/', {
    form: { email_address: address },
  })
  return res.body.response.id
}

function prepare(
  h: Harness,
  id: string,
  form: Record<string, string> = { strategy: 'email_code' },
) {
  return h.call<Wrapped<EmailAddressJSON>>(
    'POST',
    `/v1/me/email_addresses/${id}/prepare_verification`,
    { form },
  )
}

function attempt(h: Harness, id: string, code: string) {
  return h.call<Wrapped<EmailAddressJSON>>(
    'POST',
    `/v1/me/email_addresses/${id}/attempt_verification`,
    {
      form: { code },
    },
  )
}

describe.each(TRANSPORTS)('email_code verification (%s)', (transport) => {
  const h = useHarness(transport, { now: 1_755_199_800_000, settings: { ...WITH_LINKS } })

  it('prepare puts a 6-digit code in the outbox and sets expire_at; the right code verifies', async () => {
    const id = await create(h, 'code@example.com')
    const prepared = await prepare(h, id)
    expect(prepared.status).toBe(200)
    expect(prepared.body.response.verification).toMatchObject({
      object: 'verification_otp',
      status: 'unverified',
      strategy: 'email_code',
      attempts: 0,
      expire_at: h.emulator.clock.now() + 600_000,
    })
    const message = h.emulator.latestMessage('code@example.com')!
    expect(message.code).toMatch(/^\d{6}$/)
    expect(JSON.stringify(prepared.body)).not.toContain(message.code)
    const verified = await attempt(h, id, message.code!)
    expect(verified.status).toBe(200)
    expect(verified.body.response.verification).toMatchObject({ status: 'verified', attempts: 1 })
    const inUser = verified.user?.email_addresses.find((e) => e.id === id)
    expect(inUser?.verification?.status).toBe('verified')
  })

  it('throttles a resend inside 30 s with 429 and Retry-After, then replaces the code and resets attempts', async () => {
    const id = await create(h, 'resend@example.com')
    await prepare(h, id)
    const oldCode = h.emulator.latestMessage()!.code!
    expect((await attempt(h, id, '000000' === oldCode ? '111111' : '000000')).status).toBe(422)
    h.emulator.clock.advance(10_000)
    const throttled = await prepare(h, id)
    expect(throttled.status).toBe(429)
    expect(throttled.error.code).toBe('verification_code_too_many_requests')
    expect(throttled.headers.get('retry-after')).toBe('20')
    h.emulator.clock.advance(20_000)
    const again = await prepare(h, id)
    expect(again.status).toBe(200)
    expect(again.body.response.verification?.attempts).toBe(0)
    const newCode = h.emulator.latestMessage()!.code!
    expect(h.emulator.outbox).toHaveLength(2)
    if (newCode !== oldCode) {
      expect((await attempt(h, id, oldCode)).error.code).toBe('form_code_incorrect')
    }
    expect((await attempt(h, id, newCode)).status).toBe(200)
  })

  it('counts wrong codes (422 form_code_incorrect on param code, updated client in meta) then fails', async () => {
    const id = await create(h, 'wrong@example.com')
    await prepare(h, id)
    const right = h.emulator.latestMessage()!.code!
    const wrong = right === '999999' ? '888888' : '999999'
    const first = await attempt(h, id, wrong)
    expect(first.status).toBe(422)
    expect(first.error).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } })
    expect(first.user?.email_addresses.find((e) => e.id === id)?.verification?.attempts).toBe(1)
    expect((await attempt(h, id, wrong)).status).toBe(422)
    const third = await attempt(h, id, wrong)
    expect(third.status).toBe(400)
    expect(third.error.code).toBe('verification_failed')
    expect((await attempt(h, id, right)).error.code).toBe('verification_failed')
  })

  it('rejects a late code with 400 verification_expired', async () => {
    const id = await create(h, 'late@example.com')
    await prepare(h, id)
    h.emulator.clock.advance(600_001)
    const res = await attempt(h, id, h.emulator.latestMessage()!.code!)
    expect(res.status).toBe(400)
    expect(res.error.code).toBe('verification_expired')
    expect(res.user?.email_addresses.find((e) => e.id === id)?.verification?.status).toBe('expired')
  })

  it('rejects attempts before prepare, after success, and with a missing or empty code', async () => {
    const id = await create(h, 'order@example.com')
    expect((await attempt(h, id, '123456')).error.code).toBe('verification_not_sent')
    const missing = await h.call('POST', `/v1/me/email_addresses/${id}/attempt_verification`)
    expect([missing.status, missing.error.code, missing.error.meta?.param_name]).toEqual([
      422,
      'form_param_missing',
      'code',
    ])
    expect((await attempt(h, id, '')).error.code).toBe('form_param_nil')
    await prepare(h, id)
    await attempt(h, id, h.emulator.latestMessage()!.code!)
    const again = await attempt(h, id, h.emulator.latestMessage()!.code!)
    expect([again.status, again.error.code]).toEqual([400, 'verification_already_verified'])
  })

  it('test mode: +clerk_test addresses take 424242 and send nothing', async () => {
    const id = await create(h, 'jane+clerk_test@example.com')
    await prepare(h, id)
    expect(h.emulator.outbox).toHaveLength(0)
    expect((await attempt(h, id, '424242')).status).toBe(200)
    h.emulator.reset({ settings: { testMode: false } })
    const off = await create(h, 'joe+clerk_test@example.com')
    await prepare(h, off)
    expect(h.emulator.outbox).toHaveLength(1)
  })

  it('honours the configured code length and lifetime', async () => {
    h.emulator.reset({ settings: { codeLength: 8, codeLifetimeMs: 60_000 } })
    const id = await create(h, 'eight@example.com')
    const res = await prepare(h, id)
    expect(h.emulator.latestMessage()!.code).toMatch(/^\d{8}$/)
    expect(res.body.response.verification?.expire_at).toBe(h.emulator.clock.now() + 60_000)
  })

  it.each([
    [{}, 422, 'form_param_missing'],
    [{ strategy: 'phone_code' }, 422, 'form_param_value_invalid'],
    [{ strategy: 'email_link' }, 422, 'form_param_missing'],
    [{ strategy: 'email_link', redirect_url: '/verify' }, 422, 'invalid_redirect_url'],
    [
      { strategy: 'enterprise_sso', redirect_url: 'https://app.test/' },
      400,
      'verification_strategy_invalid',
    ],
  ])('rejects prepare %j with %i %s', async (form, status, code) => {
    const id = await create(h, 'bad-prepare@example.com')
    const res = await prepare(h, id, form)
    expect([res.status, res.error.code]).toEqual([status, code])
  })

  it('rejects strategies the instance has not enabled', async () => {
    h.emulator.reset({ settings: { strategies: ['email_code'] } })
    const id = await create(h, 'nolink@example.com')
    const res = await prepare(h, id, { strategy: 'email_link', redirect_url: 'https://app.test/' })
    expect([res.status, res.error.code, res.error.meta?.param_name]).toEqual([
      422,
      'form_param_value_invalid',
      'strategy',
    ])
  })
})

describe.each(TRANSPORTS)('email_link and enterprise_sso (%s)', (transport) => {
  const h = useHarness(transport, {
    ...seeds.enterpriseSso,
    settings: { ...seeds.enterpriseSso.settings, ...WITH_LINKS },
    now: 1_755_199_800_000,
  })

  it('email_link mails an absolute /v1/verify link that verifies and 303s to redirect_url', async () => {
    const id = await create(h, 'link@example.com')
    const res = await prepare(h, id, {
      strategy: 'email_link',
      redirect_url: 'https://app.test/verified?x=1',
    })
    expect(res.body.response.verification).toMatchObject({
      object: 'verification_email_link',
      status: 'unverified',
      strategy: 'email_link',
    })
    const link = h.emulator.latestMessage()!.link!
    expect(link.startsWith(`${h.base}/v1/verify?token=`)).toBe(true)
    const landing = await fetchManual(h, link)
    expect(landing.status).toBe(303)
    expect(landing.headers.get('location')).toBe(
      'https://app.test/verified?x=1&__clerk_status=verified',
    )
    const polled = await h.call<Wrapped<EmailAddressJSON>>('GET', `/v1/me/email_addresses/${id}`)
    expect(polled.body.response.verification?.status).toBe('verified')
  })

  it('answers 400 verification_link_token_* for bad, replaced and expired links', async () => {
    expect((await fetchManual(h, `${h.base}/v1/verify?token=nope`)).error).toBe(
      'verification_link_token_invalid',
    )
    expect((await fetchManual(h, `${h.base}/v1/verify`)).error).toBe(
      'verification_link_token_invalid',
    )
    const id = await create(h, 'expire@example.com')
    await prepare(h, id, { strategy: 'email_link', redirect_url: 'https://app.test/' })
    const first = h.emulator.latestMessage()!.link!
    h.emulator.clock.advance(31_000)
    await prepare(h, id, { strategy: 'email_link', redirect_url: 'https://app.test/' })
    expect((await fetchManual(h, first)).error).toBe('verification_link_token_invalid')
    h.emulator.clock.advance(600_001)
    expect((await fetchManual(h, h.emulator.latestMessage()!.link!)).error).toBe(
      'verification_link_token_expired',
    )
  })

  it('marks SSO-domain addresses and answers enterprise_sso with an absolute external URL', async () => {
    const id = await create(h, 'jane@corp.sso.example')
    const res = await prepare(h, id, {
      strategy: 'enterprise_sso',
      redirect_url: 'https://app.test/back',
    })
    const address = res.body.response
    expect(address.matches_sso_connection).toBe(true)
    expect(address.verification?.strategy).toBe('enterprise_sso')
    const external = address.verification?.external_verification_redirect_url ?? ''
    expect(new URL(external).href).toBe(external)
    expect(h.emulator.outbox).toHaveLength(0)
    const idp = await fetchManual(h, external)
    expect(idp.status).toBe(303)
    expect(idp.headers.get('location')).toBe('https://app.test/back?__clerk_status=verified')
  })

  it('lets a code follow an SSO start at once, and the code replaces the SSO verification', async () => {
    const id = await create(h, 'switch@sso.example')
    const sso = await prepare(h, id, {
      strategy: 'enterprise_sso',
      redirect_url: 'https://app.test/',
    })
    const external = sso.body.response.verification?.external_verification_redirect_url ?? ''
    // Starting SSO sent no email, so the resend throttle does not hold the code back.
    expect((await prepare(h, id)).status).toBe(200)
    expect((await fetchManual(h, external)).error).toBe('verification_link_token_invalid')
  })
})

async function fetchManual(h: Harness, link: string) {
  const request = new Request(link, { redirect: 'manual' })
  const response =
    h.base === 'http://fapi.test' ? await h.emulator.fetch(request) : await fetch(request)
  const body = (await response.json()) as { errors?: { code: string }[] }
  return { status: response.status, headers: response.headers, error: body.errors?.[0]?.code }
}
