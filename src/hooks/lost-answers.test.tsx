import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { useAttemptEmailAddressVerification } from './use-attempt-email-address-verification'
import { useCreateEmailAddress } from './use-create-email-address'
import { useDeleteEmailAddress } from './use-delete-email-address'
import { useEmailAddresses } from './use-email-addresses'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'
import { useSetPrimaryEmailAddress } from './use-set-primary-email-address'

const h = setupHarness({
  users: [{ email_addresses: ['a@example.com', 'b@example.com'] }],
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

async function setup() {
  const rendered = renderHook(useSubject, { wrapper: h.wrapper() })
  await waitFor(() => expect(rendered.result.current.list.isSuccess).toBe(true))
  const id = (email: string) =>
    rendered.result.current.list.data!.emailAddresses.find((a) => a.emailAddress === email)!.id
  h.requests.length = 0
  return { ...rendered, id }
}

const emails = (result: { current: ReturnType<typeof useSubject> }) =>
  result.current.list.data?.emailAddresses.map((a) => a.emailAddress)

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

describe('when the answer is lost after the server acted', () => {
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
    // One DELETE (never sent again) and one GET /v1/me that learned the truth.
    expect(h.requests).toEqual([`DELETE /v1/me/email_addresses/${b}`, 'GET /v1/me'])
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
})

describe('when the answer is lost before the server acted', () => {
  it('a removal comes back, with the original error, after one GET', async () => {
    const { result, id } = await setup()
    h.emulator.injectFault({
      method: 'DELETE',
      path: '/v1/me/email_addresses/*',
      status: 502,
      body: '<html>Bad gateway</html>',
    })
    await act(() =>
      result.current.remove.mutateAsync({ id: id('b@example.com') }).catch(() => null),
    )
    await waitFor(() =>
      expect(result.current.remove.error).toMatchObject({ status: 502, code: 'network_error' }),
    )
    expect(emails(result)).toEqual(['a@example.com', 'b@example.com'])
    expect(h.requests.map((r) => r.split(' ')[0])).toEqual(['DELETE', 'GET'])
  })

  it('a removal the fetch could not confirm either fails as unconfirmed, and rolls back', async () => {
    const { result, id } = await setup()
    h.emulator.injectFault({
      method: 'DELETE',
      path: '/v1/me/email_addresses/*',
      drop: true,
      afterCommit: true,
    })
    h.emulator.injectFault({ method: 'GET', path: '/v1/me', status: 502, body: '<html></html>' })
    await act(() =>
      result.current.remove.mutateAsync({ id: id('b@example.com') }).catch(() => null),
    )
    await waitFor(() =>
      expect(result.current.remove.error).toMatchObject({ code: 'change_unconfirmed' }),
    )
    // What we last knew, never a guess.
    expect(emails(result)).toEqual(['a@example.com', 'b@example.com'])
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
    h.emulator.injectFault({ method: 'PATCH', path: '/v1/me', delayMs: 50 })
    await act(() =>
      Promise.all([
        result.current.setPrimary.mutateAsync({ id: b }),
        result.current.setPrimary.mutateAsync({ id: b }),
      ]),
    )
    await act(() =>
      Promise.all([
        result.current.remove.mutateAsync({ id: id('a@example.com') }),
        result.current.remove.mutateAsync({ id: id('a@example.com') }),
      ]),
    )
    expect(h.requests.map((r) => r.split(' ')[0])).toEqual(['PATCH', 'DELETE'])
  })
})
