/**
 * The Backend API contract, proven with a client no one here wrote: Clerk's official `@clerk/backend`
 * (a pinned dev dependency) drives the emulator over real HTTP on 127.0.0.1, side by side with
 * `react-email-addresses/server`. Every parsed result of one SDK is compared with what the other
 * parses from the same resource, every error (status, `errors[0].code`, `meta.paramName`, trace id)
 * with the other's for the same call, and every body the emulator sent is checked against the
 * project's JSON Schemas. A mutation made by one SDK is read back by the other, so each proves the
 * other's reading of the wire.
 */
import { createClerkClient } from '@clerk/backend'
import { isClerkAPIResponseError } from '@clerk/backend/errors'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { EmailAddress, User } from '../../src/api/types'
import { type BackendClient, createBackendClient } from '../../src/server/backend-client'
import { isBackendApiError } from '../../src/server/errors'
import { createFapiEmulator, type FapiEmulator } from '../../src/testing/emulator'
import { type EmulatorServer, startEmulatorServer } from '../../src/testing/http-server'
import { type ShapeName, violations } from './schemas'

const SECRET_KEY = 'sk_test_official_sdk_contract'
const seed = {
  secretKey: SECRET_KEY,
  users: [
    { first_name: 'Jane', last_name: 'Doe', email_addresses: ['jane@example.com'] },
    { first_name: 'Joe', email_addresses: ['joe@example.com'] },
  ],
}

/** What the emulator answered, in order: method, path, status, body, trace id. */
interface Seen {
  method: string
  path: string
  status: number
  body: unknown
  traceId: string | null
}

const inner = createFapiEmulator(seed)
const seen: Seen[] = []
// The server's emulator, recording every answer, so a test can compare each SDK's trace id with the
// one the server really sent and validate every body.
const recording: FapiEmulator = Object.create(inner, {
  fetch: {
    value: async (request: Request) => {
      const response = await inner.fetch(request)
      const url = new URL(request.url)
      const text = await response.clone().text()
      const body: unknown = text === '' ? null : JSON.parse(text)
      const traceId =
        typeof body === 'object' && body !== null && 'clerk_trace_id' in body
          ? String(body.clerk_trace_id)
          : null
      seen.push({
        method: request.method,
        path: url.pathname,
        status: response.status,
        body,
        traceId,
      })
      return response
    },
  },
})

let server: EmulatorServer
let official: ReturnType<typeof createClerkClient>
let ours: BackendClient
let jane: string
let joe: string

beforeAll(async () => {
  server = await startEmulatorServer({ emulator: recording, port: 0 })
  official = createClerkClient({
    secretKey: SECRET_KEY,
    apiUrl: server.url,
    telemetry: { disabled: true },
  })
  ours = createBackendClient({
    secretKey: SECRET_KEY,
    apiUrl: server.url,
    retries: { strategy: 'none' },
  })
})
afterAll(() => server.close())
beforeEach(async () => {
  inner.reset()
  const [first, second] = await ours.users.list({ orderBy: '+created_at' })
  jane = first?.id ?? ''
  joe = second?.id ?? ''
  seen.length = 0
})

/** The fields both SDKs read from an `EmailAddress`, in one spelling. */
function address(value: {
  id: string
  emailAddress: string
  verification: {
    status: string
    strategy: string
    attempts?: number | null
    expireAt?: number | null
  } | null
  linkedTo: { id: string; type: string }[]
}) {
  return {
    id: value.id,
    emailAddress: value.emailAddress,
    verification: value.verification && {
      status: value.verification.status,
      strategy: value.verification.strategy,
      attempts: value.verification.attempts ?? null,
      expireAt: value.verification.expireAt ?? null,
    },
    linkedTo: value.linkedTo.map((link) => ({ id: link.id, type: link.type })),
  }
}

/** The fields both SDKs read from a `User`. */
function user(value: {
  id: string
  primaryEmailAddressId: string | null
  username: string | null
  firstName: string | null
  lastName: string | null
  imageUrl: string | null
  createdAt: number
  updatedAt: number
  emailAddresses: Parameters<typeof address>[0][]
}) {
  return {
    id: value.id,
    primaryEmailAddressId: value.primaryEmailAddressId,
    username: value.username,
    firstName: value.firstName,
    lastName: value.lastName,
    imageUrl: value.imageUrl,
    createdAt: value.createdAt,
    updatedAt: value.updatedAt,
    emailAddresses: value.emailAddresses.map(address),
  }
}

const ourAddress = (value: EmailAddress) => address(value)
const ourUser = (value: User) => user(value)

/** Every body of the given paths so far, checked against its schema. */
function expectSchemas(rules: [RegExp, ShapeName, ShapeName?][]) {
  for (const entry of seen) {
    const rule = rules.find(([pattern]) => pattern.test(`${entry.method} ${entry.path}`))
    const shape = entry.status >= 400 ? 'ClerkErrors' : rule?.[1]
    expect(shape, `${entry.method} ${entry.path}`).toBeDefined()
    expect(violations(shape!, entry.body), `${entry.method} ${entry.path}`).toBe('')
  }
}

/** The failure of `call`, and the trace id the server sent for it. */
async function failure(call: () => Promise<unknown>) {
  const before = seen.length
  const error = await call().then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  )
  expect(seen.length).toBe(before + 1)
  return { error, sentTraceId: seen.at(-1)?.traceId ?? null }
}

/** Makes the same failing call with both SDKs and expects the same status, code, param and trace. */
async function expectSameError(
  officialCall: () => Promise<unknown>,
  ourCall: () => Promise<unknown>,
  expected: { status: number; code: string; paramName?: string },
) {
  const theirs = await failure(officialCall)
  expect(isClerkAPIResponseError(theirs.error)).toBe(true)
  const a = theirs.error as {
    status: number
    clerkTraceId?: string
    errors: { code: string; meta?: { paramName?: string } }[]
  }
  const mine = await failure(ourCall)
  expect(isBackendApiError(mine.error)).toBe(true)
  const b = mine.error as {
    status: number
    traceId: string | null
    errors: { code: string; meta: { paramName?: string } }[]
  }
  expect({
    status: a.status,
    code: a.errors[0]?.code,
    paramName: a.errors[0]?.meta?.paramName,
  }).toEqual({ status: expected.status, code: expected.code, paramName: expected.paramName })
  expect({
    status: b.status,
    code: b.errors[0]?.code,
    paramName: b.errors[0]?.meta.paramName,
  }).toEqual({
    status: a.status,
    code: a.errors[0]?.code,
    paramName: a.errors[0]?.meta?.paramName,
  })
  // Each SDK reports the trace id of the answer it got (two calls, two traces).
  expect(a.clerkTraceId).toBe(theirs.sentTraceId)
  expect(b.traceId).toBe(mine.sentTraceId)
  expect(a.clerkTraceId).toMatch(/^[0-9a-f]{32}$/)
}

describe('@clerk/backend and react-email-addresses/server against the emulator', () => {
  it('emailAddresses: create, get, update and delete read the same from either side', async () => {
    // Created by the official SDK, read by ours (and by itself).
    const made = await official.emailAddresses.createEmailAddress({
      userId: jane,
      emailAddress: 'ops@example.com',
      verified: true,
      primary: false,
    })
    expect(address(made)).toEqual(ourAddress(await ours.emailAddresses.get(made.id)))
    expect(address(await official.emailAddresses.getEmailAddress(made.id))).toEqual(address(made))
    expect(made.verification).toMatchObject({ status: 'verified', strategy: 'admin' })

    // Created by ours, read by the official SDK.
    const mine = await ours.emailAddresses.create({
      userId: jane,
      emailAddress: 'mine@example.com',
    })
    expect(ourAddress(mine)).toEqual(
      address(await official.emailAddresses.getEmailAddress(mine.id)),
    )
    expect(mine.verification).toBeNull()

    // Updated by each, read by the other.
    const updated = await official.emailAddresses.updateEmailAddress(mine.id, {
      verified: true,
      primary: true,
    })
    expect(address(updated)).toEqual(ourAddress(await ours.emailAddresses.get(mine.id)))
    const reverted = await ours.emailAddresses.update(made.id, { verified: false })
    expect(ourAddress(reverted)).toEqual(
      address(await official.emailAddresses.getEmailAddress(made.id)),
    )

    // Deleted by each: the same DeletedObject, and both then see 404.
    const theirDelete = await official.emailAddresses.deleteEmailAddress(made.id)
    const ourDelete = await ours.emailAddresses.delete(mine.id)
    expect({ ...theirDelete }).toEqual({
      object: 'email_address',
      id: made.id,
      slug: null,
      deleted: true,
    })
    expect(ourDelete).toEqual({ ...theirDelete, id: mine.id })
    await expectSameError(
      () => official.emailAddresses.getEmailAddress(made.id),
      () => ours.emailAddresses.get(mine.id),
      { status: 404, code: 'resource_not_found' },
    )
    expectSchemas([
      [/^(POST|GET|PATCH) \/v1\/email_addresses/, 'EmailAddress'],
      [/^DELETE \/v1\/email_addresses/, 'DeletedObject'],
      [/^GET \/v1\/users$/, 'BapiUserList'],
    ])
  })

  it('users.getUser and getUserList({ emailAddress }) show an email change, as ours does', async () => {
    const made = await official.emailAddresses.createEmailAddress({
      userId: jane,
      emailAddress: 'Jane.New@Example.com',
      verified: true,
      primary: true,
    })
    const theirs = await official.users.getUser(jane)
    expect(theirs.primaryEmailAddressId).toBe(made.id)
    expect(theirs.primaryEmailAddress?.emailAddress).toBe('jane.new@example.com')
    expect(user(theirs)).toEqual(ourUser(await ours.users.get(jane)))

    const list = await official.users.getUserList({ emailAddress: ['jane.new@example.com'] })
    expect(list.totalCount).toBe(1)
    const found = await ours.users.list({ emailAddress: ['jane.new@example.com'] })
    expect(list.data.map(user)).toEqual(found.map(ourUser))
    expect(await ours.users.count({ emailAddress: ['jane.new@example.com'] })).toBe(list.totalCount)

    const all = await official.users.getUserList({ orderBy: '+created_at', limit: 10 })
    expect(all.data.map((u) => u.id)).toEqual([jane, joe])
    expect(all.data.map(user)).toEqual(
      (await ours.users.list({ orderBy: '+created_at', limit: 10 })).map(ourUser),
    )
    const none = await official.users.getUserList({ emailAddress: ['nobody@example.com'] })
    expect([none.data, none.totalCount]).toEqual([[], 0])
    await expectSameError(
      () => official.users.getUser('user_nobody'),
      () => ours.users.get('user_nobody'),
      { status: 404, code: 'resource_not_found' },
    )
    expectSchemas([
      [/^POST \/v1\/email_addresses$/, 'EmailAddress'],
      [/^GET \/v1\/users\/count$/, 'TotalCount'],
      [/^GET \/v1\/users$/, 'BapiUserList'],
      [/^GET \/v1\/users\//, 'BapiUser'],
    ])
  })

  it('duplicates, invalid input, unknown ids and wrong keys fail alike', async () => {
    await expectSameError(
      () =>
        official.emailAddresses.createEmailAddress({
          userId: jane,
          emailAddress: 'joe@example.com',
        }),
      () => ours.emailAddresses.create({ userId: jane, emailAddress: 'joe@example.com' }),
      { status: 422, code: 'form_identifier_exists', paramName: 'email_address' },
    )
    await expectSameError(
      () =>
        official.emailAddresses.createEmailAddress({
          userId: jane,
          emailAddress: 'not an address',
        }),
      () => ours.emailAddresses.create({ userId: jane, emailAddress: 'not an address' }),
      { status: 422, code: 'form_param_format_invalid', paramName: 'email_address' },
    )
    await expectSameError(
      () =>
        official.emailAddresses.createEmailAddress({
          userId: 'user_nobody',
          emailAddress: 'a@b.co',
        }),
      () => ours.emailAddresses.create({ userId: 'user_nobody', emailAddress: 'a@b.co' }),
      { status: 404, code: 'resource_not_found' },
    )
    const unverified = await ours.emailAddresses.create({
      userId: jane,
      emailAddress: 'u@example.com',
    })
    await expectSameError(
      () => official.emailAddresses.updateEmailAddress(unverified.id, { primary: true }),
      () => ours.emailAddresses.update(unverified.id, { primary: true }),
      { status: 422, code: 'form_param_value_invalid', paramName: 'primary' },
    )
    await expectSameError(
      () => official.emailAddresses.deleteEmailAddress('idn_unknown'),
      () => ours.emailAddresses.delete('idn_unknown'),
      { status: 404, code: 'resource_not_found' },
    )
    const strangerKey = 'sk_test_another_instance'
    const theirStranger = createClerkClient({
      secretKey: strangerKey,
      apiUrl: server.url,
      telemetry: { disabled: true },
    })
    const ourStranger = createBackendClient({ secretKey: strangerKey, apiUrl: server.url })
    await expectSameError(
      () => theirStranger.users.getUser(jane),
      () => ourStranger.users.get(jane),
      { status: 401, code: 'authentication_invalid' },
    )
    // The key is checked before routing: a route the emulator lacks is 401 with a wrong key, and a
    // Backend-style 404 (no meta.client) with the right one.
    for (const [client, status, code] of [
      [theirStranger, 401, 'authentication_invalid'],
      [official, 404, 'resource_not_found'],
    ] as const) {
      const { error, sentTraceId } = await failure(() => client.organizations.getOrganizationList())
      expect(error).toMatchObject({ status, clerkTraceId: sentTraceId, errors: [{ code }] })
      expect(Object.keys(seen.at(-1)?.body as object).sort()).toEqual(['clerk_trace_id', 'errors'])
    }
    expectSchemas([[/^POST \/v1\/email_addresses$/, 'EmailAddress']])
  })

  it('a create that reached the server is never sent again, by either SDK', async () => {
    const creates = () =>
      seen.filter((entry) => entry.method === 'POST' && entry.path === '/v1/email_addresses').length
    inner.injectFault({ method: 'POST', path: '/v1/email_addresses', status: 503, times: 2 })
    await expectSameError(
      () =>
        official.emailAddresses.createEmailAddress({ userId: jane, emailAddress: 'a@example.com' }),
      () =>
        createBackendClient({ secretKey: SECRET_KEY, apiUrl: server.url }).emailAddresses.create({
          userId: jane,
          emailAddress: 'a@example.com',
        }),
      { status: 503, code: 'maintenance_mode' },
    )
    expect(creates()).toBe(2)
    inner.injectFault({
      method: 'POST',
      path: '/v1/email_addresses',
      status: 500,
      afterCommit: true,
    })
    const committed = await failure(() =>
      createBackendClient({ secretKey: SECRET_KEY, apiUrl: server.url }).emailAddresses.create({
        userId: jane,
        emailAddress: 'b@example.com',
      }),
    )
    expect(committed.error).toMatchObject({ kind: 'api', status: 500 })
    expect(creates()).toBe(3)
    // The address exists although the answer said 500: found through the Backend API.
    const owner = await official.users.getUserList({ emailAddress: ['b@example.com'] })
    expect(owner.data.map((u) => u.id)).toEqual([jane])
  })
})
