import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { isFapiError } from '../api/fapi-error'
import type { FaultSpec } from '../testing/types'
import { emailAddressKeys } from './query-keys'
import { useAddEmailAddressFlow } from './use-add-email-address-flow'
import { useAttemptEmailAddressVerification } from './use-attempt-email-address-verification'
import { useCreateEmailAddress } from './use-create-email-address'
import { useDeleteEmailAddress } from './use-delete-email-address'
import { useEmailAddresses } from './use-email-addresses'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'
import { useSetPrimaryEmailAddress } from './use-set-primary-email-address'
import { useVerificationCooldown } from './use-verification-cooldown'

// A frozen clock and no resend throttle: two prepares get the same expiry, as they can in any test
// that freezes the emulator's clock, and the hooks must not take that for "nothing was sent".
const NOW = Date.UTC(2026, 0, 5, 9)
const h = setupHarness({
  now: NOW,
  users: [{ email_addresses: ['a@example.com', 'b@example.com'] }],
  settings: { resendThrottleMs: 0 },
})

function useSubject() {
  return {
    list: useEmailAddresses(),
    create: useCreateEmailAddress(),
    prepare: usePrepareEmailAddressVerification(),
    attempt: useAttemptEmailAddressVerification(),
    setPrimary: useSetPrimaryEmailAddress(),
    remove: useDeleteEmailAddress(),
  }
}

async function setup(queryClient?: QueryClient) {
  const rendered = renderHook(useSubject, { wrapper: h.wrapper({}, queryClient) })
  await waitFor(() => expect(rendered.result.current.list.isSuccess).toBe(true))
  const id = (email: string) =>
    rendered.result.current.list.data!.emailAddresses.find((a) => a.emailAddress === email)!.id
  h.requests.length = 0
  return { ...rendered, id }
}

const emails = (result: { current: ReturnType<typeof useSubject> }) =>
  result.current.list.data?.emailAddresses.map((a) => a.emailAddress)

/** The error a call rejected with, for calls expected to fail. */
async function failure(call: () => Promise<unknown>) {
  const error = await act(() =>
    call().then(
      () => null,
      (rejected: unknown) => rejected,
    ),
  )
  if (!isFapiError(error)) {
    throw new Error(`expected a FapiError, got ${String(error)}`)
  }
  return error
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** The answers a client can get after the server has already carried the request out. */
const LOST_AFTER_COMMIT = [
  ['a 502 page from a gateway', { status: 502, body: '<html>Bad gateway</html>' }],
  ['a reset connection', { drop: true }],
  ['a 200 that is not JSON', { status: 200, body: 'OK' }],
  [
    'a 200 of the wrong shape',
    { status: 200, body: '{"object":"nothing"}', contentType: 'application/json' },
  ],
] as const

/** A gateway's page before the request reached the server: the answer is lost, nothing was made. */
const GATEWAY_BEFORE: Omit<FaultSpec, 'path'> = { status: 502, body: '<html>Bad gateway</html>' }

describe('when the answer is lost after the server acted, the call succeeds', () => {
  it.each(LOST_AFTER_COMMIT)('a removal stays removed after %s', async (_label, fault) => {
    const { result, id } = await setup()
    const b = id('b@example.com')
    h.emulator.injectFault({
      method: 'DELETE',
      path: '/v1/me/email_addresses/*',
      afterCommit: true,
      ...fault,
    })
    await act(() => result.current.remove.mutateAsync({ id: b }))
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true))
    expect(emails(result)).toEqual(['a@example.com'])
    // One DELETE (never sent again), the list, and the address itself: gone (404), not just unread.
    expect(h.requests).toEqual([
      `DELETE /v1/me/email_addresses/${b}`,
      'GET /v1/me',
      `GET /v1/me/email_addresses/${b}`,
    ])
  })

  it.each(LOST_AFTER_COMMIT)('a new primary stays primary after %s', async (_label, fault) => {
    const { result, id } = await setup()
    const b = id('b@example.com')
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', afterCommit: true, ...fault })
    await act(() => result.current.setPrimary.mutateAsync({ id: b }))
    await waitFor(() => expect(result.current.list.data?.primaryEmailAddressId).toBe(b))
    expect(h.requests).toEqual(['PATCH /v1/me', 'GET /v1/me'])
  })

  it.each(LOST_AFTER_COMMIT)('a created address is found after %s', async (_label, fault) => {
    const { result } = await setup()
    h.emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses',
      afterCommit: true,
      ...fault,
    })
    const created = await act(() =>
      result.current.create.mutateAsync({ emailAddress: ' New@Example.com ' }),
    )
    expect(created.emailAddress.emailAddress).toBe('new@example.com')
    await waitFor(() => expect(emails(result)).toContain('new@example.com'))
    expect(h.requests).toEqual(['POST /v1/me/email_addresses/', 'GET /v1/me'])
  })

  it.each(LOST_AFTER_COMMIT)('a sent code counts as sent after %s', async (_label, fault) => {
    const { result } = await setup()
    const { emailAddress } = await act(() =>
      result.current.create.mutateAsync({ emailAddress: 'new@example.com' }),
    )
    h.requests.length = 0
    h.emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses/*',
      afterCommit: true,
      ...fault,
    })
    const sent = await act(() =>
      result.current.prepare.mutateAsync({ id: emailAddress.id, strategy: 'email_code' }),
    )
    expect(sent.emailAddress.verification).toMatchObject({
      strategy: 'email_code',
      status: 'unverified',
    })
    expect(h.emulator.outbox).toHaveLength(1)
    expect(h.requests).toEqual([
      `POST /v1/me/email_addresses/${emailAddress.id}/prepare_verification`,
      'GET /v1/me',
    ])
  })

  it.each(LOST_AFTER_COMMIT)('a verified code stays verified after %s', async (_label, fault) => {
    const { result } = await setup()
    const { emailAddress } = await act(() =>
      result.current.create.mutateAsync({ emailAddress: 'new+clerk_test@example.com' }),
    )
    await act(() =>
      result.current.prepare.mutateAsync({ id: emailAddress.id, strategy: 'email_code' }),
    )
    h.requests.length = 0
    h.emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses/*',
      afterCommit: true,
      ...fault,
    })
    const verified = await act(() =>
      result.current.attempt.mutateAsync({ id: emailAddress.id, code: '424242' }),
    )
    expect(verified.emailAddress.verification?.status).toBe('verified')
    expect(h.requests).toEqual([
      `POST /v1/me/email_addresses/${emailAddress.id}/attempt_verification`,
      'GET /v1/me',
    ])
  })

  it.each([
    ['made', { afterCommit: true }, [false]],
    ['not made', {}, [false, true]],
  ] as const)(
    'drops the optimistic change in the render that shows the fetched list (%s): no flash',
    async (_label, fault, expected) => {
      const seen: boolean[] = []
      const rendered = renderHook(
        () => {
          const subject = useSubject()
          const list = subject.list.data?.emailAddresses.map((a) => a.emailAddress)
          // Whether b shows, once per change of what the renders show.
          const shows = list?.includes('b@example.com')
          if (shows !== undefined && seen.at(-1) !== shows) {
            seen.push(shows)
          }
          return subject
        },
        { wrapper: h.wrapper() },
      )
      await waitFor(() => expect(rendered.result.current.list.isSuccess).toBe(true))
      const b = rendered.result.current.list.data!.emailAddresses[1]!.id
      h.emulator.injectFault({
        method: 'DELETE',
        path: '/v1/me/email_addresses/*',
        drop: true,
        ...fault,
      })
      seen.length = 0
      await act(() => rendered.result.current.remove.mutateAsync({ id: b }).catch(() => null))
      await waitFor(() => expect(rendered.result.current.remove.isPending).toBe(false))
      // Hidden in the render of the call; back once if it was not made; never back and gone again.
      expect(seen).toEqual(expected)
    },
  )
})

describe('when the answer is lost before the server acted, the call fails as not made', () => {
  it('a removal comes back after one GET, with the fetched list and change_not_applied', async () => {
    const { result, id } = await setup()
    h.emulator.injectFault({
      method: 'DELETE',
      path: '/v1/me/email_addresses/*',
      ...GATEWAY_BEFORE,
    })
    const error = await failure(() =>
      result.current.remove.mutateAsync({ id: id('b@example.com') }),
    )
    expect(error).toMatchObject({ status: 502, code: 'change_not_applied' })
    expect(error.cause).toMatchObject({ status: 502, code: 'network_error' })
    expect(error.user?.emailAddresses.map((a) => a.emailAddress)).toEqual([
      'a@example.com',
      'b@example.com',
    ])
    await waitFor(() => expect(emails(result)).toEqual(['a@example.com', 'b@example.com']))
    expect(h.requests.map((r) => r.split(' ')[0])).toEqual(['DELETE', 'GET'])
  })

  it('a removal is not taken as made when the list leaves the address out as unreadable', async () => {
    const { result, id } = await setup()
    const b = id('b@example.com')
    h.emulator.injectFault({
      method: 'DELETE',
      path: '/v1/me/email_addresses/*',
      ...GATEWAY_BEFORE,
    })
    // The list answer has b with a field the parser cannot read, so b is left out of it.
    const me = await h.emulator.fetch(
      new Request(`https://fapi.test/v1/me?_clerk_session_id=${h.emulator.signedIn.sessionId}`),
    )
    // In the resource and in the piggybacked client alike.
    const spoiled = JSON.parse(await me.text(), (_key, value: unknown) =>
      isRecord(value) && value.id === b && 'email_address' in value
        ? { ...value, created_at: 'yesterday' }
        : value,
    ) as unknown
    const body = JSON.stringify(spoiled)
    expect(body.match(/"yesterday"/g)).toHaveLength(2)
    h.emulator.injectFault({
      method: 'GET',
      path: '/v1/me',
      status: 200,
      body,
      contentType: 'application/json',
    })
    const error = await failure(() => result.current.remove.mutateAsync({ id: b }))
    expect(error.code).toBe('change_not_applied')
    // Asked by id, the server still knows it: never reported removed.
    expect(h.requests).toEqual([
      `DELETE /v1/me/email_addresses/${b}`,
      'GET /v1/me',
      `GET /v1/me/email_addresses/${b}`,
    ])
    expect((await h.serverUser()).email_addresses).toHaveLength(2)
  })

  it('a primary change is undone and a create is not made, each after one GET', async () => {
    const { result, id } = await setup()
    const a = id('a@example.com')
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', ...GATEWAY_BEFORE })
    const primary = await failure(() =>
      result.current.setPrimary.mutateAsync({ id: id('b@example.com') }),
    )
    expect(primary.code).toBe('change_not_applied')
    await waitFor(() => expect(result.current.list.data?.primaryEmailAddressId).toBe(a))
    h.emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses', ...GATEWAY_BEFORE })
    const created = await failure(() =>
      result.current.create.mutateAsync({ emailAddress: 'new@example.com' }),
    )
    expect(created.code).toBe('change_not_applied')
    expect(h.requests).toEqual([
      'PATCH /v1/me',
      'GET /v1/me',
      'POST /v1/me/email_addresses/',
      'GET /v1/me',
    ])
  })

  it('a first code that never went out is not made, and starts no cooldown', async () => {
    const queryClient = h.newQueryClient()
    const { result } = await setup(queryClient)
    const { emailAddress } = await act(() =>
      result.current.create.mutateAsync({ emailAddress: 'new@example.com' }),
    )
    // The same cache: a second provider would fetch the list itself.
    const cooldown = renderHook(() => useVerificationCooldown(emailAddress.id), {
      wrapper: h.wrapper({}, queryClient),
    })
    h.emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses/*', ...GATEWAY_BEFORE })
    const error = await failure(() =>
      result.current.prepare.mutateAsync({ id: emailAddress.id, strategy: 'email_code' }),
    )
    expect(error.code).toBe('change_not_applied')
    expect(h.emulator.outbox).toEqual([])
    expect(cooldown.result.current.canResend).toBe(true)
  })
})

describe('when even the server cannot tell, the call fails as unconfirmed', () => {
  it('a resend with the same expiry as the code before is unconfirmed, sent or not', async () => {
    const { result } = await setup()
    const { emailAddress } = await act(() =>
      result.current.create.mutateAsync({ emailAddress: 'new@example.com' }),
    )
    const send = () =>
      result.current.prepare.mutateAsync({ id: emailAddress.id, strategy: 'email_code' })
    await act(send)
    // Sent (a second message), but the frozen clock gave it the first one's expiry.
    h.emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses/*',
      drop: true,
      afterCommit: true,
    })
    const sent = await failure(send)
    expect(h.emulator.outbox).toHaveLength(2)
    // Not sent; the same picture.
    h.emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses/*', ...GATEWAY_BEFORE })
    const notSent = await failure(send)
    expect(h.emulator.outbox).toHaveLength(2)
    for (const error of [sent, notSent]) {
      expect(error.code).toBe('verification_unconfirmed')
      expect(error.user?.emailAddresses).toHaveLength(3)
    }
  })

  it('a removal the fetch could not confirm either rolls back and marks the list stale', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const { result, id } = await setup(queryClient)
    h.emulator.injectFault({
      method: 'DELETE',
      path: '/v1/me/email_addresses/*',
      drop: true,
      afterCommit: true,
    })
    h.emulator.injectFault({ method: 'GET', path: '/v1/me', status: 502, body: '<html></html>' })
    const error = await failure(() =>
      result.current.remove.mutateAsync({ id: id('b@example.com') }),
    )
    expect([error.code, error.user]).toEqual(['change_unconfirmed', null])
    // What we last knew, never a guess, and fetched again on the next focus or mount.
    await waitFor(() => expect(emails(result)).toEqual(['a@example.com', 'b@example.com']))
    const scope = {
      baseUrl: 'https://fapi.emulator.test/v1',
      sessionId: h.emulator.signedIn.sessionId,
    }
    expect(queryClient.getQueryState(emailAddressKeys.me(scope))?.isInvalidated).toBe(true)
  })

  it('a code whose answer and check both failed is unconfirmed, with a cooldown as after a send', async () => {
    const queryClient = h.newQueryClient()
    const { result } = await setup(queryClient)
    const { emailAddress } = await act(() =>
      result.current.create.mutateAsync({ emailAddress: 'new@example.com' }),
    )
    // The same cache: a second provider would fetch the list itself.
    const cooldown = renderHook(() => useVerificationCooldown(emailAddress.id), {
      wrapper: h.wrapper({}, queryClient),
    })
    h.emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses/*', drop: true })
    h.emulator.injectFault({ method: 'GET', path: '/v1/me', status: 502, body: '<html></html>' })
    const error = await failure(() =>
      result.current.prepare.mutateAsync({ id: emailAddress.id, strategy: 'email_code' }),
    )
    expect(error.code).toBe('verification_unconfirmed')
    await waitFor(() => expect(cooldown.result.current.canResend).toBe(false))
  })
})

describe('the add flow after a lost create', () => {
  function useFlow() {
    return { list: useEmailAddresses(), flow: useAddEmailAddressFlow() }
  }

  it('continues to the verify step of the address the server made, with no second create', async () => {
    const { result } = renderHook(useFlow, { wrapper: h.wrapper() })
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true))
    h.requests.length = 0
    h.emulator.injectFault({
      method: 'POST',
      path: '/v1/me/email_addresses',
      drop: true,
      afterCommit: true,
    })
    const ok = await act(() => result.current.flow.submitEmail('new@example.com'))
    expect(ok).toBe(true)
    const server = await h.serverUser()
    const created = server.email_addresses.filter((a) => a.email_address === 'new@example.com')
    expect(created).toHaveLength(1)
    expect(result.current.flow).toMatchObject({ step: 'verify', emailAddressId: created[0]!.id })
    expect(h.requests).toEqual([
      'POST /v1/me/email_addresses/',
      'GET /v1/me',
      `POST /v1/me/email_addresses/${created[0]!.id}/prepare_verification`,
    ])
    expect(h.emulator.outbox).toHaveLength(1)
  })

  it('stays on the address step when the server made nothing, saying so', async () => {
    const { result } = renderHook(useFlow, { wrapper: h.wrapper() })
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true))
    h.emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses', ...GATEWAY_BEFORE })
    const ok = await act(() => result.current.flow.submitEmail('new@example.com'))
    expect(ok).toBe(false)
    expect(result.current.flow.step).toBe('enterEmail')
    expect(result.current.flow.error?.code).toBe('change_not_applied')
    expect((await h.serverUser()).email_addresses).toHaveLength(2)
  })
})

describe('one intent, one request', () => {
  it('sends one create for four submissions of one address in the same tick', async () => {
    const { result } = await setup()
    const results = await act(() =>
      Promise.all(
        ['x@example.com', 'x@example.com', ' X@example.com', 'x@example.com'].map((emailAddress) =>
          result.current.create.mutateAsync({ emailAddress }),
        ),
      ),
    )
    expect(new Set(results.map((created) => created.emailAddress.id)).size).toBe(1)
    expect(h.requests).toEqual(['POST /v1/me/email_addresses/'])
  })

  it('sends one removal and one primary change for repeated calls while they are in flight', async () => {
    const { result, id } = await setup()
    const b = id('b@example.com')
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', holdMs: 60_000 })
    let both: Promise<unknown> = Promise.resolve()
    act(() => {
      both = Promise.all([
        result.current.setPrimary.mutateAsync({ id: b }),
        result.current.setPrimary.mutateAsync({ id: b }),
      ])
    })
    // The first is certainly in flight (held at the emulator) when the second is made.
    await waitFor(() => expect(h.emulator.requests.at(-1)?.held).toBe(true))
    h.emulator.releaseHeld()
    await act(() => both)
    await act(() =>
      Promise.all([
        result.current.remove.mutateAsync({ id: id('a@example.com') }),
        result.current.remove.mutateAsync({ id: id('a@example.com') }),
      ]),
    )
    expect(h.requests.map((r) => r.split(' ')[0])).toEqual(['PATCH', 'DELETE'])
  })

  it('tells a repeat that joined the intent in flight how it ended, through its own callbacks', async () => {
    const { result, id } = await setup()
    const first = { onSuccess: vi.fn(), onSettled: vi.fn() }
    const second = { onSuccess: vi.fn(), onError: vi.fn(), onSettled: vi.fn() }
    act(() => {
      result.current.setPrimary.mutate({ id: id('b@example.com') }, first)
      result.current.setPrimary.mutate({ id: id('b@example.com') }, second)
    })
    await waitFor(() => expect(second.onSettled).toHaveBeenCalledTimes(1))
    expect(first.onSuccess).toHaveBeenCalledTimes(1)
    expect(second.onSuccess).toHaveBeenCalledTimes(1)
    expect(second.onSuccess.mock.calls[0]?.[0]).toMatchObject({
      user: { primaryEmailAddressId: id('b@example.com') },
    })
    expect(second.onError).not.toHaveBeenCalled()
    expect(h.requests).toEqual(['PATCH /v1/me'])
  })
})
