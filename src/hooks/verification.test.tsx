import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../test/support/hooks-harness'
import { eventually, freezeWallClock } from '../../test/support/wall-clock'
import { useAddEmailAddressFlow } from './use-add-email-address-flow'
import { useCreateEmailAddress } from './use-create-email-address'
import { useEmailLinkVerification } from './use-email-link-verification'
import { usePrepareEmailAddressVerification } from './use-prepare-email-address-verification'
import { useVerificationCooldown } from './use-verification-cooldown'

const h = setupHarness({
  users: [{ email_addresses: ['jane@example.com'] }],
  settings: { resendThrottleMs: 30_000, codeLifetimeMs: 1_500 },
})

async function createAddress(emailAddress = 'new@example.com') {
  const { result } = renderHook(() => useCreateEmailAddress(), { wrapper: h.wrapper() })
  const created = await act(() => result.current.mutateAsync({ emailAddress }))
  return created.emailAddress.id
}

describe('useVerificationCooldown', () => {
  it('counts down from the configured cooldown after a send, and reports expiry', async () => {
    // The app's and the emulator's time both stand still until the test moves them.
    const clock = freezeWallClock()
    const id = await createAddress()
    const wrapper = h.wrapper({ resendCooldownSeconds: 5 })
    const { result } = renderHook(
      () => ({
        prepare: usePrepareEmailAddressVerification(),
        cooldown: useVerificationCooldown(id),
      }),
      { wrapper },
    )
    expect(result.current.cooldown.canResend).toBe(true)
    const sentAt = Date.now()
    await act(() => result.current.prepare.mutateAsync({ id, strategy: 'email_code' }))
    await eventually(() =>
      expect(result.current.cooldown).toEqual({
        canResend: false,
        resendAvailableAt: sentAt + 5_000,
        secondsUntilResend: 5,
        expiresAt: sentAt + 1_500, // the emulator's codeLifetimeMs
        secondsUntilExpiry: 2,
        isExpired: false,
      }),
    )

    await clock.advance(1_000)
    expect(result.current.cooldown).toMatchObject({
      secondsUntilResend: 4,
      secondsUntilExpiry: 1,
      isExpired: false,
    })
    await clock.advance(1_000)
    expect(result.current.cooldown).toMatchObject({
      canResend: false,
      secondsUntilResend: 3,
      secondsUntilExpiry: 0,
      isExpired: true,
    })
  })

  it("follows the server's Retry-After after a 429, and keeps it across a remount", async () => {
    const id = await createAddress()
    const wrapper = h.wrapper({ resendCooldownSeconds: 5 })
    const first = renderHook(
      () => ({
        prepare: usePrepareEmailAddressVerification(),
        cooldown: useVerificationCooldown(id),
      }),
      { wrapper },
    )
    await act(() => first.result.current.prepare.mutateAsync({ id, strategy: 'email_code' }))
    // The emulator throttles resends for 30 s; our own cooldown (5 s) is shorter, so the server wins.
    h.emulator.clock.advance(6_000)
    sessionStorage.clear()
    await act(() =>
      first.result.current.prepare.mutateAsync({ id, strategy: 'email_code' }).catch(() => null),
    )
    await waitFor(() => expect(first.result.current.prepare.error).toMatchObject({ status: 429 }))
    const retryAfter = first.result.current.prepare.error!.retryAfter!
    expect(retryAfter).toBeGreaterThan(5)
    expect(first.result.current.cooldown.secondsUntilResend).toBe(retryAfter)
    first.unmount()

    const second = renderHook(() => useVerificationCooldown(id), { wrapper: h.wrapper() })
    expect(second.result.current.canResend).toBe(false)
    expect(second.result.current.secondsUntilResend).toBeGreaterThanOrEqual(retryAfter - 1)
    const stored = JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0] ?? '') ?? '{}')
    expect(stored[id]).toBeGreaterThan(Date.now())
  })
})

describe('useEmailLinkVerification', () => {
  it('turns verified within one interval after the link is opened elsewhere, then stops polling', async () => {
    // Polls run on the frozen clock: one happens exactly when the test moves time by an interval.
    const clock = freezeWallClock()
    const id = await createAddress()
    const queryClient = h.newQueryClient()
    const polls = () => h.requests.filter((r) => r === `GET /v1/me/email_addresses/${id}`)
    const { result } = renderHook(() => useEmailLinkVerification(id, { intervalMs: 300 }), {
      wrapper: h.wrapper({}, queryClient),
    })
    expect(result.current.status).toBe('idle')
    act(() => result.current.start({ redirectUrl: 'https://app.example.test/verified' }))
    // The first poll goes out as soon as the link is sent; the next ones wait for the clock.
    await eventually(() => {
      expect(result.current.status).toBe('waiting')
      expect(polls()).toHaveLength(1)
      expect(queryClient.isFetching()).toBe(0)
    })
    const link = h.emulator.latestMessage('new@example.com')?.link
    expect(link).toContain('/v1/verify?token=')

    // Another device opens the link: the emulator answers 303 to the redirect URL.
    const landing = await h.emulator.fetch(new Request(link!, { redirect: 'manual' }))
    expect(landing.status).toBe(303)
    expect(landing.headers.get('location')).toMatch(/^https:\/\/app\.example\.test\/verified/)
    await clock.advance(299)
    expect(queryClient.isFetching()).toBe(0)
    expect(result.current.status).toBe('waiting')
    await clock.advance(1)
    await eventually(() => expect(result.current.status).toBe('verified'))
    expect(polls()).toHaveLength(2)

    // Verified is final: three more intervals start no poll (one would be fetching at once).
    await eventually(() => expect(queryClient.isFetching()).toBe(0))
    await clock.advance(3 * 300)
    expect(queryClient.isFetching()).toBe(0)
    expect(polls()).toHaveLength(2)
  })

  it('stops polling on cancel and on unmount', async () => {
    const clock = freezeWallClock()
    const id = await createAddress()
    const queryClient = h.newQueryClient()
    const polls = () => h.requests.filter((r) => r === `GET /v1/me/email_addresses/${id}`)
    const { result, unmount } = renderHook(
      () => useEmailLinkVerification(id, { intervalMs: 100 }),
      {
        wrapper: h.wrapper({}, queryClient),
      },
    )
    const pollAnswered = (count: number) =>
      eventually(() => {
        expect(polls()).toHaveLength(count)
        expect(queryClient.isFetching()).toBe(0)
      })
    act(() => result.current.start({ redirectUrl: 'https://app.example.test/verified' }))
    await pollAnswered(1)
    await clock.advance(100)
    await pollAnswered(2)

    act(() => result.current.cancel())
    expect(result.current.status).toBe('idle')
    // A poll due on the way would be fetching right after the clock moves. 30 s also passes the
    // emulator's resend throttle, so the link can be sent again.
    await clock.advance(30_000)
    expect(queryClient.isFetching()).toBe(0)
    expect(polls()).toHaveLength(2)

    act(() => result.current.start({ redirectUrl: 'https://app.example.test/verified' }))
    await eventually(() => expect(result.current.status).toBe('waiting'))
    await pollAnswered(3)
    unmount()
    await clock.advance(3 * 100)
    expect(queryClient.isFetching()).toBe(0)
    expect(polls()).toHaveLength(3)
  })

  it('exposes the identity provider URL for enterprise SSO', async () => {
    h.emulator.reset({
      users: [{ email_addresses: ['jane@example.com'] }],
      settings: { ssoDomains: ['sso.example.com'] },
    })
    const id = await createAddress('jane@sso.example.com')
    const { result } = renderHook(
      () => useEmailLinkVerification(id, { strategy: 'enterprise_sso' }),
      {
        wrapper: h.wrapper(),
      },
    )
    await waitFor(() => expect(result.current.emailAddress?.matchesSsoConnection).toBe(true))
    act(() => result.current.start({ redirectUrl: 'https://app.example.test/account' }))
    await waitFor(() => expect(result.current.status).toBe('waiting'))
    expect(result.current.externalVerificationRedirectUrl).toMatch(/^https?:\/\//)
  })
})

describe('useAddEmailAddressFlow', () => {
  it('goes enterEmail → verify → done with a test address', async () => {
    const onDone = vi.fn()
    const { result } = renderHook(() => useAddEmailAddressFlow({ onDone }), {
      wrapper: h.wrapper(),
    })
    expect(result.current.step).toBe('enterEmail')
    await act(() => result.current.submitEmail('jane+clerk_test@example.com'))
    await waitFor(() => expect(result.current.step).toBe('verify'))
    expect(h.emulator.outbox).toHaveLength(0) // test addresses send nothing
    expect(await act(() => result.current.submitCode('000000'))).toBe(false)
    await waitFor(() => expect(result.current.error?.code).toBe('form_code_incorrect'))
    await waitFor(() => expect(result.current.step).toBe('verify'))
    await act(() => result.current.submitCode('424242'))
    await waitFor(() => expect(result.current.step).toBe('done'))
    expect(onDone).toHaveBeenCalledWith(
      expect.objectContaining({ emailAddress: 'jane+clerk_test@example.com' }),
    )
  })

  it('keeps the user on enterEmail with the server error when the address is taken', async () => {
    const { result } = renderHook(() => useAddEmailAddressFlow(), { wrapper: h.wrapper() })
    expect(await act(() => result.current.submitEmail('jane@example.com'))).toBe(false)
    await waitFor(() => expect(result.current.step).toBe('enterEmail'))
    await waitFor(() =>
      expect(result.current.error?.fieldErrors.emailAddress?.code).toBe('form_identifier_exists'),
    )
  })

  it('cancels and removes the unverified address on request', async () => {
    const { result } = renderHook(() => useAddEmailAddressFlow(), { wrapper: h.wrapper() })
    await act(() => result.current.submitEmail('gone@example.com'))
    await waitFor(() => expect(result.current.step).toBe('verify'))
    await act(() => result.current.cancel({ removeAddress: true }))
    await waitFor(() => expect(result.current.step).toBe('enterEmail'))
    const server = await h.serverUser()
    expect(server.email_addresses.map((a) => a.email_address)).toEqual(['jane@example.com'])
  })
})
