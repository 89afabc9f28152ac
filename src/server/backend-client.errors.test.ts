import { describe, expect, it } from 'vitest'
import {
  bapiEmailJSON,
  bapiError,
  EMAIL_ID,
  fapiFailure,
  SECRET_KEY,
  USER_ID,
} from '../../test/support/bapi-fixtures'
import { setupWireServer } from '../../test/support/wire-server'
import { createBackendClient } from './backend-client'

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
  ])('%i %s becomes a FapiError with code, errors and fieldErrors', async (status, code, param) => {
    server.respond(() => bapiError(status, code, { paramName: param }))
    const error = await fapiFailure(
      client().emailAddresses.create({ userId: USER_ID, emailAddress: 'ops@example.com' }),
    )
    expect(error).toMatchObject({
      status,
      code,
      message: `${code} happened`,
      traceId: 'b7a1c0ffee',
    })
    expect(error.errors).toEqual([
      {
        code,
        message: 'failed',
        longMessage: `${code} happened`,
        meta: param ? { paramName: param } : {},
      },
    ])
    const field = param === 'email_address' ? 'emailAddress' : param === 'user_id' ? 'userId' : null
    expect(Object.keys(error.fieldErrors)).toEqual(field ? [field] : [])
    expect(server.requests).toHaveLength(1)
  })

  it('maps the errors of get, update and delete the same way', async () => {
    server.respond(() => bapiError(404, 'resource_not_found'))
    const api = client().emailAddresses
    for (const call of [
      () => api.get(EMAIL_ID),
      () => api.update(EMAIL_ID, { verified: true }),
      () => api.delete(EMAIL_ID),
    ]) {
      expect(await fapiFailure(call())).toMatchObject({ status: 404, code: 'resource_not_found' })
    }
  })

  it('reads Retry-After and falls back to cf-ray for the trace id', async () => {
    server.respond(() => ({
      status: 429,
      headers: { 'Retry-After': '7', 'cf-ray': '8a1b2c3d4e5f-AMS' },
      json: { errors: [{ code: 'too_many_requests', message: 'slow down', long_message: null }] },
    }))
    const error = await fapiFailure(client().emailAddresses.get(EMAIL_ID))
    expect(error).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      retryAfter: 7,
      traceId: '8a1b2c3d4e5f-AMS',
    })
  })

  it('turns a non-JSON error (a gateway page) into network_error with the status', async () => {
    server.respond(() => ({ status: 502, text: '<html>Bad gateway</html>' }))
    expect(await fapiFailure(client().emailAddresses.get(EMAIL_ID))).toMatchObject({
      status: 502,
      code: 'network_error',
    })
  })

  it('turns a JSON error that is not ClerkErrors into invalid_response', async () => {
    server.respond(() => ({ status: 500, json: { message: 'boom' } }))
    expect(await fapiFailure(client().emailAddresses.get(EMAIL_ID))).toMatchObject({
      status: 500,
      code: 'invalid_response',
    })
  })

  it('turns a malformed 200 into invalid_response naming the field', async () => {
    server.respond(() => ({ json: bapiEmailJSON({ email_address: 42 }) }))
    const error = await fapiFailure(client().emailAddresses.get(EMAIL_ID))
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' })
    expect(error.message).toContain('email_address')
    server.respond(() => ({ json: { id: EMAIL_ID } }))
    expect(await fapiFailure(client().emailAddresses.delete(EMAIL_ID))).toMatchObject({
      code: 'invalid_response',
    })
  })

  it('turns a 200 that is not JSON into invalid_response', async () => {
    server.respond(() => ({ status: 200, text: 'OK' }))
    expect(
      await fapiFailure(client().emailAddresses.update(EMAIL_ID, { verified: true })),
    ).toMatchObject({ status: 200, code: 'invalid_response' })
  })
})
