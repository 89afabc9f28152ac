import { describe, expect, it } from 'vitest'
import {
  bapiEmailJSON,
  bapiError,
  EMAIL_ID,
  backendFailure,
  SECRET_KEY,
  USER_ID,
} from '../../test/support/bapi-fixtures'
import { setupWireServer } from '../../test/support/wire-server'
import { createBackendClient } from './backend-client'
import { isBackendApiError } from './errors'

const server = setupWireServer(() => ({ json: bapiEmailJSON() }))

// No retries here: these tests are about one request and one answer.
const client = () =>
  createBackendClient({ secretKey: SECRET_KEY, apiUrl: server.url, retries: { strategy: 'none' } })

describe('errors (every status the spec documents)', () => {
  it.each([
    [400, 'request_body_invalid', undefined],
    [401, 'authentication_invalid', undefined],
    [403, 'authorization_invalid', undefined],
    [404, 'resource_not_found', undefined],
    [409, 'conflict', undefined],
    [422, 'form_identifier_exists', 'email_address'],
    [422, 'form_param_format_invalid', 'email_address'],
    [422, 'form_param_missing', 'user_id'],
  ])(
    '%i %s becomes a BackendApiError of kind api, with the envelope',
    async (status, code, param) => {
      server.respond(() => bapiError(status, code, { paramName: param }))
      const error = await backendFailure(
        client().emailAddresses.create({ userId: USER_ID, emailAddress: 'ops@example.com' }),
      )
      expect(error).toMatchObject({
        name: 'BackendApiError',
        kind: 'api',
        status,
        code,
        message: `${code} happened`,
        traceId: 'b7a1c0ffee',
        retryAfter: null,
        body: null,
        mayHaveReachedServer: true,
      })
      expect(error.errors).toEqual([
        {
          code,
          message: 'failed',
          longMessage: `${code} happened`,
          meta: param ? { paramName: param } : {},
        },
      ])
      expect(isBackendApiError(error)).toBe(true)
      expect(server.requests).toHaveLength(1)
    },
  )

  it('maps the errors of get, update, delete and the user calls the same way', async () => {
    server.respond(() => bapiError(404, 'resource_not_found'))
    const api = client()
    for (const call of [
      () => api.emailAddresses.get(EMAIL_ID),
      () => api.emailAddresses.update(EMAIL_ID, { verified: true }),
      () => api.emailAddresses.delete(EMAIL_ID),
      () => api.users.get(USER_ID),
      () => api.users.list({ emailAddress: ['ops@example.com'] }),
      () => api.users.count(),
    ]) {
      expect(await backendFailure(call())).toMatchObject({
        kind: 'api',
        status: 404,
        code: 'resource_not_found',
      })
    }
  })

  it('reads Retry-After and falls back to cf-ray for the trace id', async () => {
    server.respond(() => ({
      status: 429,
      headers: { 'Retry-After': '7', 'cf-ray': '8a1b2c3d4e5f-AMS' },
      json: { errors: [{ code: 'too_many_requests', message: 'slow down', long_message: null }] },
    }))
    const error = await backendFailure(client().emailAddresses.get(EMAIL_ID))
    expect(error).toMatchObject({
      kind: 'api',
      status: 429,
      code: 'too_many_requests',
      message: 'slow down',
      retryAfter: 7,
      traceId: '8a1b2c3d4e5f-AMS',
    })
  })

  it('turns a non-JSON error (a gateway page) into kind http, keeping the status and the body', async () => {
    server.respond(() => ({ status: 502, text: '<html>Bad gateway</html>' }))
    const error = await backendFailure(client().emailAddresses.get(EMAIL_ID))
    expect(error).toMatchObject({
      kind: 'http',
      status: 502,
      code: 'http_error',
      body: '<html>Bad gateway</html>',
    })
  })

  it('turns a JSON error that is not ClerkErrors into kind http too', async () => {
    for (const json of [{ message: 'boom' }, { errors: [] }, { errors: [{ code: 1 }] }]) {
      server.respond(() => ({ status: 500, json }))
      expect(await backendFailure(client().emailAddresses.get(EMAIL_ID))).toMatchObject({
        kind: 'http',
        status: 500,
        code: 'http_error',
        body: JSON.stringify(json),
      })
    }
  })

  it('turns a malformed 200 into invalid_response naming the field', async () => {
    server.respond(() => ({ json: bapiEmailJSON({ email_address: 42 }) }))
    const error = await backendFailure(client().emailAddresses.get(EMAIL_ID))
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, code: 'invalid_response' })
    expect(error.message).toContain('email_address')
    server.respond(() => ({ json: { id: EMAIL_ID } }))
    expect(await backendFailure(client().emailAddresses.delete(EMAIL_ID))).toMatchObject({
      code: 'invalid_response',
    })
    server.respond(() => ({ json: [{ id: USER_ID }] }))
    expect(await backendFailure(client().users.list())).toMatchObject({ code: 'invalid_response' })
  })

  it('turns a 200 that is not JSON into invalid_response', async () => {
    server.respond(() => ({ status: 200, text: 'OK' }))
    expect(
      await backendFailure(client().emailAddresses.update(EMAIL_ID, { verified: true })),
    ).toMatchObject({ kind: 'invalid_response', status: 200, code: 'invalid_response' })
  })
})

describe('isBackendApiError', () => {
  it('recognises the error by shape (another bundle’s copy) and rejects look-alikes', () => {
    const copy = { name: 'BackendApiError', kind: 'api', status: 404, errors: [] }
    expect(isBackendApiError(copy)).toBe(true)
    for (const value of [
      null,
      'BackendApiError',
      new Error('x'),
      { ...copy, kind: 'weird' },
      { ...copy, name: 'FapiError' },
      { ...copy, errors: 'none' },
    ]) {
      expect(isBackendApiError(value)).toBe(false)
    }
  })
})
