import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { setupHarness } from '../../../test/support/hooks-harness'
import { freezeWallClock } from '../../../test/support/wall-clock'
import { PrepareVerification, PrepareVerificationButton } from './prepare-verification'

const h = setupHarness({
  users: [
    {
      email_addresses: ['jane@example.com', { email_address: 'new@example.com', verified: false }],
    },
  ],
  settings: { resendThrottleMs: 45_000 },
})

async function renderButton(props: Partial<Parameters<typeof PrepareVerification>[0]> = {}) {
  const id = (await h.serverUser()).email_addresses.find(
    (a) => a.email_address === 'new@example.com',
  )!.id
  const Wrapper = h.wrapper({ resendCooldownSeconds: 20 })
  render(
    <StrictMode>
      <Wrapper>
        <PrepareVerification emailAddressId={id} {...props} />
      </Wrapper>
    </StrictMode>,
  )
  return id
}

const prepares = () => h.requests.filter((r) => r.endsWith('/prepare_verification'))

describe('PrepareVerification', () => {
  it('never sends on mount, even under StrictMode', async () => {
    await renderButton()
    await screen.findByRole('button', { name: 'Send code' })
    expect(prepares()).toHaveLength(0)
    expect(h.emulator.outbox).toHaveLength(0)
  })

  it('sends on click, then counts down and shows when the code expires', async () => {
    await renderButton()
    await userEvent.click(await screen.findByRole('button', { name: 'Send code' }))
    expect(await screen.findByRole('button', { name: 'Resend in 20s' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    expect(screen.getByText(/^The code expires in (10:00|9:5\d)\.$/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('We sent a message to new@example.com.')
    expect(prepares()).toHaveLength(1)
    expect(h.emulator.outbox).toHaveLength(1)
  })

  it("follows the server's Retry-After when the server is stricter", async () => {
    const id = await renderButton({ strategy: 'email_code' })
    const url = `https://fapi.emulator.test/v1/me/email_addresses/${id}/prepare_verification?_clerk_session_id=${h.emulator.signedIn.sessionId}`
    // Another tab sent a code a moment ago, so the server throttles for 45 s.
    await h.emulator.fetch(
      new Request(url, { method: 'POST', body: new URLSearchParams({ strategy: 'email_code' }) }),
    )
    await userEvent.click(await screen.findByRole('button', { name: /code/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please wait a moment before asking for another code.',
    )
    const label = screen.getByRole('button', { name: /^Resend in \d+s$/ }).textContent!
    expect(Number(label.match(/\d+/)![0])).toBeGreaterThan(40)
  })

  it('ticks once a second', async () => {
    // Only the test moves the clock, so the label cannot tick early on a slow machine.
    const clock = freezeWallClock()
    await renderButton()
    await userEvent.click(await screen.findByRole('button', { name: 'Send code' }))
    await screen.findByRole('button', { name: 'Resend in 20s' })
    await clock.advance(999)
    expect(screen.getByRole('button', { name: 'Resend in 20s' })).toBeInTheDocument()
    await clock.advance(1)
    expect(screen.getByRole('button', { name: 'Resend in 19s' })).toBeInTheDocument()
    await clock.advance(18_000)
    expect(screen.getByRole('button', { name: 'Resend in 1s' })).toBeInTheDocument()
    await clock.advance(1_000)
    expect(screen.getByRole('button', { name: 'Resend code' })).not.toHaveAttribute(
      'aria-disabled',
      'true',
    )
  })
})

describe('PrepareVerificationButton', () => {
  it('renders the app’s element with asChild, gives it the live label, and sends from it', async () => {
    const id = (await h.serverUser()).email_addresses.find(
      (a) => a.email_address === 'new@example.com',
    )!.id
    const Wrapper = h.wrapper()
    render(
      <Wrapper>
        <PrepareVerificationButton emailAddressId={id} asChild>
          <a href="#resend" role="button" className="link" />
        </PrepareVerificationButton>
      </Wrapper>,
    )
    const link = await screen.findByRole('button', { name: 'Send code' })
    expect(link.tagName).toBe('A')
    expect(link).toHaveClass('link')
    await userEvent.click(link)
    await waitFor(() => expect(link).toHaveTextContent(/^Resend in \d+s$/))
    expect(link).toHaveAttribute('aria-disabled', 'true')
    expect(prepares()).toHaveLength(1)
  })

  it('keeps the content an asChild element brings', async () => {
    const id = (await h.serverUser()).email_addresses[0]!.id
    const Wrapper = h.wrapper()
    render(
      <Wrapper>
        <PrepareVerificationButton emailAddressId={id} asChild>
          <a href="#resend">Email me again</a>
        </PrepareVerificationButton>
      </Wrapper>,
    )
    expect(await screen.findByRole('link', { name: 'Email me again' })).toHaveAttribute(
      'data-slot',
      'rea-button',
    )
  })
})
