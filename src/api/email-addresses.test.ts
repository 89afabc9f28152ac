import { beforeEach, describe, expect, it } from 'vitest'
import {
  clientJSON,
  emailAddressJSON,
  errorsJSON,
  NEW_ID,
  PRIMARY_ID,
  primaryJSON,
  SESSION_ID,
  userJSON,
  verificationJSON,
  wrapped,
} from '../../test/support/fapi-fixtures'
import { gate } from '../../test/support/gate'
import { setupWireServer } from '../../test/support/wire-server'
import { createFapiClient, type FapiClient } from './fapi-client'
import { FapiError } from './fapi-error'

const server = setupWireServer()
let client: FapiClient

beforeEach(() => {
  client = createFapiClient({ proxyUrl: `${server.url}/__clerk`, sessionId: SESSION_ID })
})

const FORM = 'application/x-www-form-urlencoded'
const created = emailAddressJSON()
const withCreated = userJSON([primaryJSON, created])

async function rejection(promise: Promise<unknown>): Promise<FapiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(FapiError)
  return error as FapiError
}

describe('emailAddresses.list', () => {
  it('GETs the bare array with the session and API version, and returns camelCase addresses', async () => {
    server.respond(() => ({ json: [primaryJSON, created] }))
    const list = await client.emailAddresses.list()

    const [request] = server.requests
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe('/__clerk/v1/me/email_addresses')
    expect(request?.query).toEqual({
      __clerk_api_version: '2026-05-12',
      _clerk_session_id: SESSION_ID,
    })
    expect(request?.contentType).toBeUndefined()
    expect(request?.body).toBe('')
    expect(list.map((address) => address.emailAddress)).toEqual([
      'jane@example.com',
      'jane+clerk_test@example.com',
    ])
    expect(list[0]).toEqual({
      id: PRIMARY_ID,
      emailAddress: 'jane@example.com',
      reserved: false,
      verification: {
        status: 'verified',
        strategy: 'email_code',
        attempts: 1,
        expireAt: 1755200400000,
        verifiedAtClient: null,
        externalVerificationRedirectUrl: null,
        error: null,
      },
      linkedTo: [],
      matchesSsoConnection: false,
      createdAt: 1755199800000,
      updatedAt: 1755199800000,
    })
  })

  it('reads linked accounts and enterprise SSO matches', async () => {
    server.respond(() => ({
      json: [
        emailAddressJSON({
          linked_to: [{ type: 'oauth_google', id: 'idn_x' }],
          matches_sso_connection: true,
        }),
      ],
    }))
    const [address] = await client.emailAddresses.list()
    expect(address?.linkedTo).toEqual([{ type: 'oauth_google', id: 'idn_x' }])
    expect(address?.matchesSsoConnection).toBe(true)
  })
})

describe('emailAddresses.create', () => {
  it('POSTs a form body to the trailing-slash path and returns the address with the updated user', async () => {
    server.respond(() => ({ json: wrapped(created, withCreated) }))
    const result = await client.emailAddresses.create({
      emailAddress: 'jane+clerk_test@example.com',
    })

    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/__clerk/v1/me/email_addresses/')
    expect(request?.query._method).toBeUndefined()
    expect(request?.contentType).toBe(FORM)
    expect(request?.body).toBe('email_address=jane%2Bclerk_test%40example.com')
    expect(result.emailAddress.id).toBe(NEW_ID)
    expect(result.emailAddress.verification).toBeNull()
    expect(result.user?.emailAddresses.map((address) => address.id)).toEqual([PRIMARY_ID, NEW_ID])
    expect(result.user?.primaryEmailAddressId).toBe(PRIMARY_ID)
  })

  it('sends no custom header, so the browser needs no CORS preflight', async () => {
    server.respond(() => ({ json: wrapped(created, withCreated) }))
    await client.emailAddresses.create({ emailAddress: 'a@example.com' })
    const custom = Object.keys(server.requests[0]?.headers ?? {}).filter(
      (name) =>
        ![
          'host',
          'connection',
          'content-type',
          'content-length',
          'accept',
          'accept-language',
          'accept-encoding',
          'sec-fetch-mode',
          'user-agent',
        ].includes(name),
    )
    expect(custom).toEqual([])
  })

  it('puts form_identifier_exists on the emailAddress field', async () => {
    server.respond(() => ({
      status: 422,
      json: errorsJSON('form_identifier_exists', {
        paramName: 'email_address',
        longMessage: 'That email address is taken.',
      }),
    }))
    const error = await rejection(
      client.emailAddresses.create({ emailAddress: 'taken@example.com' }),
    )
    expect(error.status).toBe(422)
    expect(error.code).toBe('form_identifier_exists')
    expect(error.message).toBe('That email address is taken.')
    expect(error.fieldErrors.emailAddress?.code).toBe('form_identifier_exists')
    expect(error.traceId).toBe('ff1048d1cb5a74da3ebd660877680ba3')
  })

  it('puts form_param_format_invalid on the emailAddress field', async () => {
    server.respond(() => ({
      status: 422,
      json: errorsJSON('form_param_format_invalid', { paramName: 'email_address' }),
    }))
    const error = await rejection(client.emailAddresses.create({ emailAddress: 'nope' }))
    expect(error.code).toBe('form_param_format_invalid')
    expect(Object.keys(error.fieldErrors)).toEqual(['emailAddress'])
  })

  it('is never retried, even when the connection drops', async () => {
    server.respond(() => ({ drop: true }))
    const error = await rejection(client.emailAddresses.create({ emailAddress: 'a@example.com' }))
    expect(error.status).toBe(0)
    expect(error.code).toBe('network_error')
    expect(server.requests).toHaveLength(1)
  })
})

describe('emailAddresses.get', () => {
  it('GETs one address and reads the user from the piggybacked client', async () => {
    server.respond(() => ({ json: wrapped(created, withCreated) }))
    const result = await client.emailAddresses.get(NEW_ID)
    expect(server.requests[0]?.path).toBe(`/__clerk/v1/me/email_addresses/${NEW_ID}`)
    expect(server.requests[0]?.method).toBe('GET')
    expect(result.emailAddress.id).toBe(NEW_ID)
    expect(result.user?.emailAddresses).toHaveLength(2)
  })

  it('escapes the id in the path', async () => {
    server.respond(() => ({ json: wrapped(created, withCreated) }))
    await client.emailAddresses.get('idn_a/../b')
    expect(server.requests[0]?.path).toBe('/__clerk/v1/me/email_addresses/idn_a%2F..%2Fb')
  })

  it('reports 404 resource_not_found', async () => {
    server.respond(() => ({ status: 404, json: errorsJSON('resource_not_found') }))
    const error = await rejection(client.emailAddresses.get('idn_missing'))
    expect(error.status).toBe(404)
    expect(error.code).toBe('resource_not_found')
  })
})

describe('emailAddresses.prepareVerification', () => {
  const prepared = emailAddressJSON({ verification: verificationJSON() })

  it('sends strategy=email_code as a form body', async () => {
    server.respond(() => ({ json: wrapped(prepared, userJSON([primaryJSON, prepared])) }))
    const result = await client.emailAddresses.prepareVerification(NEW_ID, {
      strategy: 'email_code',
    })
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe(`/__clerk/v1/me/email_addresses/${NEW_ID}/prepare_verification`)
    expect(request?.body).toBe('strategy=email_code')
    expect(result.emailAddress.verification).toMatchObject({
      status: 'unverified',
      expireAt: 1755200400000,
    })
  })

  it('sends the redirect URL for email_link', async () => {
    server.respond(() => ({ json: wrapped(prepared, userJSON([primaryJSON, prepared])) }))
    await client.emailAddresses.prepareVerification(NEW_ID, {
      strategy: 'email_link',
      redirectUrl: 'https://app.example.com/verified?x=1',
      actionCompleteRedirectUrl: 'https://app.example.com/done',
    })
    expect(server.requests[0]?.form).toEqual({
      strategy: 'email_link',
      redirect_url: 'https://app.example.com/verified?x=1',
      action_complete_redirect_url: 'https://app.example.com/done',
    })
  })

  it.each([
    ['a relative path', '/verified'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a missing URL', undefined],
  ])('refuses %s for email_link before any request', async (_label, redirectUrl) => {
    const error = await rejection(
      client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_link', redirectUrl }),
    )
    expect(error.code).toBe('invalid_redirect_url')
    expect(error.fieldErrors.redirectUrl).toBeDefined()
    expect(server.requests).toHaveLength(0)
  })

  it('returns the identity provider URL for enterprise_sso', async () => {
    const sso = emailAddressJSON({
      matches_sso_connection: true,
      verification: verificationJSON({
        object: 'verification_saml',
        strategy: 'enterprise_sso',
        external_verification_redirect_url: 'https://idp.example.com/sso?state=1',
      }),
    })
    server.respond(() => ({ json: wrapped(sso, userJSON([primaryJSON, sso])) }))
    const result = await client.emailAddresses.prepareVerification(NEW_ID, {
      strategy: 'enterprise_sso',
      redirectUrl: 'https://app.example.com/account',
    })
    expect(result.emailAddress.verification?.externalVerificationRedirectUrl).toBe(
      'https://idp.example.com/sso?state=1',
    )
  })

  it('drops an identity provider URL that is not absolute http(s), keeps the address, and says so', async () => {
    const sso = emailAddressJSON({
      verification: verificationJSON({
        strategy: 'enterprise_sso',
        external_verification_redirect_url: 'javascript:x',
      }),
    })
    server.respond(() => ({ json: wrapped(sso) }))
    const issues: unknown[] = []
    const reporting = createFapiClient({
      proxyUrl: server.url,
      sessionId: SESSION_ID,
      onResponseIssue: (issue) => issues.push(issue),
    })
    const result = await reporting.emailAddresses.prepareVerification(NEW_ID, {
      strategy: 'enterprise_sso',
      redirectUrl: 'https://a.example',
    })
    expect(result.emailAddress.verification).toMatchObject({
      strategy: 'enterprise_sso',
      externalVerificationRedirectUrl: null,
    })
    expect(issues).toEqual([
      {
        path: `email_addresses[${NEW_ID}].verification.external_verification_redirect_url`,
        message: 'Not an absolute http(s) URL, so it is left out.',
      },
    ])
  })

  it('reads Retry-After from a 429', async () => {
    server.respond(() => ({
      status: 429,
      headers: { 'Retry-After': '27' },
      json: errorsJSON('verification_code_too_many_requests'),
    }))
    const error = await rejection(
      client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' }),
    )
    expect(error.status).toBe(429)
    expect(error.code).toBe('verification_code_too_many_requests')
    expect(error.retryAfter).toBe(27)
  })

  it('shares one request between identical calls in flight (a double click sends one email)', async () => {
    const held = gate()
    server.respond(() => ({
      until: held.pass(),
      json: wrapped(prepared, userJSON([primaryJSON, prepared])),
    }))
    const firstCall = client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' })
    // The second click comes while the first request is at the server, its answer held.
    await held.reached()
    const secondCall = client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' })
    held.open()
    const [first, second] = await Promise.all([firstCall, secondCall])
    expect(server.requests).toHaveLength(1)
    expect(second).toBe(first)
  })

  it('sends again once the first call has settled (a deliberate resend)', async () => {
    server.respond(() => ({ json: wrapped(prepared, userJSON([primaryJSON, prepared])) }))
    await client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' })
    await client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' })
    expect(server.requests).toHaveLength(2)
  })

  it('does not share between different strategies', async () => {
    const held = gate()
    server.respond(() => ({
      until: held.pass(),
      json: wrapped(prepared, userJSON([primaryJSON, prepared])),
    }))
    const code = client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' })
    // The link is asked for while the code's request is at the server, its answer held.
    await held.reached()
    const link = client.emailAddresses.prepareVerification(NEW_ID, {
      strategy: 'email_link',
      redirectUrl: 'https://a.example/',
    })
    held.open()
    await Promise.all([code, link])
    expect(server.requests).toHaveLength(2)
  })

  it('lets one caller abort without cancelling the shared request for the other', async () => {
    const held = gate()
    server.respond(() => ({
      until: held.pass(),
      json: wrapped(prepared, userJSON([primaryJSON, prepared])),
    }))
    const controller = new AbortController()
    const aborted = client.emailAddresses.prepareVerification(
      NEW_ID,
      { strategy: 'email_code' },
      { signal: controller.signal },
    )
    const kept = client.emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' })
    // The shared request is at the server, its answer held, when one caller leaves.
    await held.reached()
    controller.abort()
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' })
    held.open()
    await expect(kept).resolves.toMatchObject({ emailAddress: { id: NEW_ID } })
    expect(server.requests).toHaveLength(1)
  })
})

describe('emailAddresses.attemptVerification', () => {
  const verified = emailAddressJSON({
    verification: verificationJSON({ status: 'verified', attempts: 1 }),
  })

  it('posts the code and returns the verified address', async () => {
    server.respond(() => ({ json: wrapped(verified, userJSON([primaryJSON, verified])) }))
    const result = await client.emailAddresses.attemptVerification(NEW_ID, { code: '424242' })
    const [request] = server.requests
    expect(request?.path).toBe(`/__clerk/v1/me/email_addresses/${NEW_ID}/attempt_verification`)
    expect(request?.body).toBe('code=424242')
    expect(result.emailAddress.verification?.status).toBe('verified')
    expect(result.user?.emailAddresses[1]?.verification?.status).toBe('verified')
  })

  it('reports a wrong code on the code field, with the counted attempt from meta.client', async () => {
    const counted = emailAddressJSON({ verification: verificationJSON({ attempts: 1 }) })
    server.respond(() => ({
      status: 422,
      json: errorsJSON('form_code_incorrect', {
        paramName: 'code',
        client: clientJSON(userJSON([primaryJSON, counted])),
      }),
    }))
    const error = await rejection(
      client.emailAddresses.attemptVerification(NEW_ID, { code: '000000' }),
    )
    expect(error.code).toBe('form_code_incorrect')
    expect(error.fieldErrors.code?.code).toBe('form_code_incorrect')
    expect(error.user?.emailAddresses[1]?.verification?.attempts).toBe(1)
  })

  it.each([
    'verification_expired',
    'verification_failed',
    'verification_already_verified',
    'verification_not_sent',
  ])('reports 400 %s as a form-level error', async (code) => {
    server.respond(() => ({ status: 400, json: errorsJSON(code) }))
    const error = await rejection(
      client.emailAddresses.attemptVerification(NEW_ID, { code: '123456' }),
    )
    expect(error.status).toBe(400)
    expect(error.code).toBe(code)
    expect(error.fieldErrors).toEqual({})
  })

  it('is never sent twice, even for identical calls in flight', async () => {
    const held = gate()
    server.respond(() => ({ until: held.pass(), json: wrapped(verified) }))
    const first = client.emailAddresses.attemptVerification(NEW_ID, { code: '424242' })
    // The second call comes while the first request is at the server, its answer held.
    await held.reached()
    const second = client.emailAddresses
      .attemptVerification(NEW_ID, { code: '424242' })
      .catch(() => null)
    held.open()
    await Promise.all([first, second])
    // Attempts are not coalesced (clerk-js does not either): each call is the caller's decision.
    expect(server.requests).toHaveLength(2)
  })
})

describe('emailAddresses.delete', () => {
  it('POSTs with _method=DELETE, an empty form body, and returns the deleted id and user', async () => {
    server.respond(() => ({
      json: wrapped(
        { object: 'email_address', id: NEW_ID, deleted: true },
        userJSON([primaryJSON]),
      ),
    }))
    const result = await client.emailAddresses.delete(NEW_ID)
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.query._method).toBe('DELETE')
    expect(request?.contentType).toBe(FORM)
    expect(request?.body).toBe('')
    expect(result).toEqual({
      deleted: { id: NEW_ID, deleted: true },
      user: expect.objectContaining({
        emailAddresses: [expect.objectContaining({ id: PRIMARY_ID })],
      }),
    })
  })

  it('accepts a null client (the spec allows it) and returns user null', async () => {
    server.respond(() => ({
      json: { response: { object: 'email_address', id: NEW_ID, deleted: true }, client: null },
    }))
    const result = await client.emailAddresses.delete(NEW_ID)
    expect(result.user).toBeNull()
  })

  it('reports identification_deletion_failed for the last address', async () => {
    server.respond(() => ({ status: 400, json: errorsJSON('identification_deletion_failed') }))
    const error = await rejection(client.emailAddresses.delete(PRIMARY_ID))
    expect(error.code).toBe('identification_deletion_failed')
  })
})
