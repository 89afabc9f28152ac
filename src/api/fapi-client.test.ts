import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  emailAddressJSON,
  errorsJSON,
  NEW_ID,
  primaryJSON,
  SESSION_ID,
  userJSON,
  wrapped,
} from '../../test/support/fapi-fixtures'
import { deferred, gate } from '../../test/support/gate'
import { setupWireServer } from '../../test/support/wire-server'
import { createFapiClient } from './fapi-client'
import { FapiError, isFapiError } from './fapi-error'

const server = setupWireServer(() => ({ json: [primaryJSON] }))

const plainClient = () => createFapiClient({ proxyUrl: server.url, sessionId: SESSION_ID })
const devKey = 'pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk' // foo-bar-13.clerk.accounts.dev
const liveKey = `pk_live_${btoa('clerk.example.com$').replace(/=+$/, '')}`

async function failure(promise: Promise<unknown>): Promise<FapiError> {
  const reason = await promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  )
  expect(reason).toBeInstanceOf(FapiError)
  return reason as FapiError
}

describe('the request on the wire', () => {
  it('includes credentials and only GET or POST', async () => {
    const seen: RequestInit[] = []
    const client = createFapiClient({
      proxyUrl: server.url,
      sessionId: SESSION_ID,
      fetch: (input, init) => {
        seen.push(init ?? {})
        return fetch(input, init)
      },
    })
    await client.emailAddresses.list()
    server.respond(() => ({
      json: wrapped({ object: 'email_address', id: NEW_ID, deleted: true }),
    }))
    await client.emailAddresses.delete(NEW_ID)
    expect(seen.map((init) => [init.method, init.credentials])).toEqual([
      ['GET', 'include'],
      ['POST', 'include'],
    ])
  })

  it('reads the session id at each request when given getSessionId, and omits it when there is none', async () => {
    let sessionId: string | null = 'sess_first'
    const client = createFapiClient({ proxyUrl: server.url, getSessionId: () => sessionId })
    await client.emailAddresses.list()
    sessionId = 'sess_second'
    await client.emailAddresses.list()
    sessionId = null
    await client.emailAddresses.list()
    expect(server.requests.map((request) => request.query._clerk_session_id)).toEqual([
      'sess_first',
      'sess_second',
      undefined,
    ])
  })

  it('sends the apiVersion it is given', async () => {
    await createFapiClient({ proxyUrl: server.url, apiVersion: '2026-08-20' }).emailAddresses.list()
    expect(server.requests[0]?.query.__clerk_api_version).toBe('2026-08-20')
  })
})

describe('network retries (GET only, PROTOCOL.md §1.8)', () => {
  it('retries a GET whose connection dropped, marking each retry', async () => {
    server.queue({ drop: true }, { drop: true })
    const list = await plainClient().emailAddresses.list()
    expect(list).toHaveLength(1)
    expect(server.requests.map((request) => request.query._clerk_retry_attempt)).toEqual([
      undefined,
      '1',
      '2',
    ])
  })

  it('gives up after 4 attempts with a network_error', async () => {
    server.respond(() => ({ drop: true }))
    const error = await failure(plainClient().emailAddresses.list())
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
    expect(server.requests).toHaveLength(4)
  })

  it('never retries an HTTP error answer', async () => {
    server.respond(() => ({ status: 500, json: errorsJSON('internal_clerk_error') }))
    const error = await failure(plainClient().emailAddresses.list())
    expect(error).toMatchObject({ status: 500, code: 'internal_clerk_error' })
    expect(server.requests).toHaveLength(1)
  })

  it('never retries a mutation', async () => {
    server.respond(() => ({ drop: true }))
    await failure(plainClient().me.update({ primaryEmailAddressId: NEW_ID }))
    await failure(plainClient().emailAddresses.delete(NEW_ID))
    await failure(plainClient().emailAddresses.attemptVerification(NEW_ID, { code: '1' }))
    await failure(
      plainClient().emailAddresses.prepareVerification(NEW_ID, { strategy: 'email_code' }),
    )
    expect(server.requests).toHaveLength(4)
  })

  it('stops retrying when the caller aborts during the backoff', async () => {
    // The backoff's timer is fake: it cannot run out before the abort, however slow the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    onTestFinished(() => {
      vi.useRealTimers()
    })
    server.respond(() => ({ drop: true }))
    const dropped = deferred()
    const client = createFapiClient({
      proxyUrl: server.url,
      sessionId: SESSION_ID,
      fetch: (input, init) =>
        fetch(input, init).catch((error: unknown) => {
          dropped.resolve()
          throw error
        }),
    })
    const controller = new AbortController()
    const pending = client.emailAddresses.list({ signal: controller.signal })
    await dropped.promise
    // One macrotask later every promise callback has run: the client has seen the drop and waits.
    await new Promise((resolve) => setImmediate(resolve))
    // (Node's fetch may keep a timer of its own, so count the change, not the total.)
    const timers = vi.getTimerCount()
    controller.abort()
    // Rejected with no time passing, and the backoff's timer is gone, so no retry can follow.
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(vi.getTimerCount()).toBe(timers - 1)
    expect(server.requests).toHaveLength(1)
  })
})

describe('aborting', () => {
  it('rejects with the abort reason, not a FapiError, and sends nothing more', async () => {
    const held = gate()
    server.respond(() => ({ until: held.pass(), json: [primaryJSON] }))
    const controller = new AbortController()
    const pending = plainClient().emailAddresses.list({ signal: controller.signal })
    // Abort once the request is at the server and its answer is held, not after a guessed delay.
    await held.reached()
    controller.abort()
    const reason = await pending.catch((error: unknown) => error)
    held.open()
    expect(reason).toMatchObject({ name: 'AbortError' })
    expect(isFapiError(reason)).toBe(false)
    expect(server.requests).toHaveLength(1)
  })
})

describe('answers that are not what the spec says', () => {
  it('turns a proxy HTML 502 into a FapiError instead of a JSON SyntaxError', async () => {
    server.respond(() => ({ status: 502, text: '<html><body>Bad Gateway</body></html>' }))
    const error = await failure(
      plainClient().emailAddresses.create({ emailAddress: 'a@example.com' }),
    )
    expect(error).toMatchObject({ status: 502, code: 'network_error' })
  })

  it('turns a 500 with an HTML body into a FapiError', async () => {
    server.respond(() => ({ status: 500, text: '<h1>Internal Server Error</h1>' }))
    const error = await failure(plainClient().me.get())
    expect(error).toMatchObject({ status: 500, code: 'network_error' })
  })

  it('reports invalid_response, naming the field, for a 200 missing a required field', async () => {
    const { email_address: _dropped, ...broken } = emailAddressJSON()
    server.respond(() => ({ json: wrapped(broken) }))
    const error = await failure(plainClient().emailAddresses.get(NEW_ID))
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' })
    expect(error.message).toContain('"email_address"')
  })

  it('keeps the other addresses when one in the user is malformed, and reports it once', async () => {
    const bad = { ...emailAddressJSON(), created_at: 'yesterday' as unknown as number }
    const user = userJSON([primaryJSON, bad])
    server.respond(() => ({ json: { response: user, client: null } }))
    const issues: unknown[] = []
    const client = createFapiClient({
      proxyUrl: server.url,
      sessionId: SESSION_ID,
      onResponseIssue: (issue) => issues.push(issue),
    })
    const first = await client.me.get()
    await client.me.get()
    expect(first.user.emailAddresses.map((address) => address.id)).toEqual([primaryJSON.id])
    expect(issues).toEqual([
      {
        path: `email_addresses[${bad.id}].created_at`,
        message: 'This address could not be read, so it is not shown.',
      },
    ])
  })

  it('reports invalid_response for an unknown verification status', async () => {
    const odd = emailAddressJSON({
      verification: { status: 'pending' as 'verified', strategy: 'email_code' },
    })
    server.respond(() => ({ json: [odd] }))
    expect((await failure(plainClient().emailAddresses.list())).code).toBe('invalid_response')
  })

  it('reports invalid_response for a 200 whose body is not JSON', async () => {
    server.respond(() => ({ status: 200, text: 'OK' }))
    expect((await failure(plainClient().emailAddresses.list())).code).toBe('invalid_response')
  })

  it('reports invalid_response for an error whose body is JSON but not ClerkErrors', async () => {
    server.respond(() => ({ status: 503, json: { message: 'down' } }))
    expect(await failure(plainClient().emailAddresses.list())).toMatchObject({
      status: 503,
      code: 'invalid_response',
    })
  })

  it('keeps the error when its meta.client is malformed', async () => {
    server.respond(() => ({
      status: 422,
      json: { ...errorsJSON('form_code_incorrect'), meta: { client: { id: 1 } } },
    }))
    const error = await failure(
      plainClient().emailAddresses.attemptVerification(NEW_ID, { code: '1' }),
    )
    expect(error).toMatchObject({ code: 'form_code_incorrect', user: null })
  })

  it('tolerates unknown extra fields', async () => {
    server.respond(() => ({ json: [{ ...primaryJSON, shiny_new_field: { a: 1 } }] }))
    const [address] = await plainClient().emailAddresses.list()
    expect(address).not.toHaveProperty('shiny_new_field')
    expect(address?.emailAddress).toBe('jane@example.com')
  })
})

describe('development instances: the dev browser (PROTOCOL.md §1.7)', () => {
  beforeEach(() => {
    server.respond((request) =>
      request.path === '/v1/dev_browser'
        ? { json: { id: `dvb_${server.requests.length}`, token: `dvb_${server.requests.length}` } }
        : { json: [primaryJSON] },
    )
  })

  it('creates a token once, without credentials or a body, and sends it last on every request', async () => {
    const seen: RequestInit[] = []
    const client = createFapiClient({
      publishableKey: devKey,
      proxyUrl: server.url,
      sessionId: SESSION_ID,
      fetch: (input, init) => {
        seen.push(init ?? {})
        return fetch(input, init)
      },
    })
    await Promise.all([client.emailAddresses.list(), client.emailAddresses.list()])
    await client.emailAddresses.list()

    const [create, ...rest] = server.requests
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v1/dev_browser',
      body: '',
      contentType: undefined,
    })
    expect(create?.query._clerk_session_id).toBeUndefined()
    expect(seen[0]?.credentials).toBeUndefined()
    expect(rest).toHaveLength(3)
    for (const request of rest) {
      expect(request.query.__clerk_db_jwt).toBe('dvb_1')
      expect(request.queryOrder.at(-1)).toBe('__clerk_db_jwt')
    }
  })

  it('takes a rotated token from the Clerk-Db-Jwt header', async () => {
    const client = createFapiClient({ publishableKey: devKey, proxyUrl: server.url })
    server.queue(
      { json: { id: 'dvb_a' } },
      { json: [primaryJSON], headers: { 'Clerk-Db-Jwt': 'dvb_rotated' } },
    )
    await client.emailAddresses.list()
    await client.emailAddresses.list()
    expect(server.requests.map((request) => request.query.__clerk_db_jwt)).toEqual([
      undefined,
      'dvb_a',
      'dvb_rotated',
    ])
  })

  it('gets a fresh token after 401 dev_browser_unauthenticated and sends the request again, once', async () => {
    const client = createFapiClient({ publishableKey: devKey, proxyUrl: server.url })
    server.queue(
      { json: { id: 'dvb_old' } },
      { status: 401, json: errorsJSON('dev_browser_unauthenticated') },
      { json: { id: 'dvb_new' } },
    )
    const created = emailAddressJSON()
    server.respond((request) =>
      request.path === '/v1/dev_browser'
        ? { json: { id: 'dvb_x' } }
        : { json: wrapped(created, userJSON([primaryJSON, created])) },
    )
    const result = await client.emailAddresses.create({ emailAddress: 'a@example.com' })
    expect(result.emailAddress.id).toBe(NEW_ID)
    expect(server.requests.map((request) => [request.path, request.query.__clerk_db_jwt])).toEqual([
      ['/v1/dev_browser', undefined],
      ['/v1/me/email_addresses/', 'dvb_old'],
      ['/v1/dev_browser', undefined],
      ['/v1/me/email_addresses/', 'dvb_new'],
    ])
  })

  it('does not loop when the fresh token is refused too', async () => {
    const client = createFapiClient({ publishableKey: devKey, proxyUrl: server.url })
    server.respond((request) =>
      request.path === '/v1/dev_browser'
        ? { json: { id: 'dvb_x' } }
        : { status: 401, json: errorsJSON('dev_browser_unauthenticated') },
    )
    const error = await failure(client.emailAddresses.list())
    expect(error.code).toBe('dev_browser_unauthenticated')
    expect(server.requests).toHaveLength(4)
  })

  it('reports a refused dev browser clearly', async () => {
    server.respond(() => ({ status: 400, json: errorsJSON('host_invalid') }))
    const error = await failure(
      createFapiClient({ publishableKey: devKey, proxyUrl: server.url }).emailAddresses.list(),
    )
    expect(error).toMatchObject({ status: 400, code: 'dev_browser_failed' })
  })

  it('uses a caller-supplied token and never creates one', async () => {
    const client = createFapiClient({
      publishableKey: devKey,
      proxyUrl: server.url,
      getDevBrowserToken: () => 'dvb_from_clerk_js',
    })
    await client.emailAddresses.list()
    expect(server.requests.map((request) => [request.path, request.query.__clerk_db_jwt])).toEqual([
      ['/v1/me/email_addresses', 'dvb_from_clerk_js'],
    ])
  })

  it('uses no dev browser on production keys', async () => {
    await createFapiClient({ publishableKey: liveKey, proxyUrl: server.url }).emailAddresses.list()
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/me/email_addresses'])
    expect(server.requests[0]?.query.__clerk_db_jwt).toBeUndefined()
  })
})

describe('isFapiError', () => {
  it('recognises errors from another copy of the library by shape', () => {
    expect(isFapiError({ name: 'FapiError', status: 422, code: 'x', errors: [] })).toBe(true)
    expect(isFapiError(new Error('x'))).toBe(false)
    expect(isFapiError(null)).toBe(false)
  })
})
