import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../../test/support/hooks-harness'
import { normalizeCode } from '../ui/code-field'
import { VerifyCodeInput } from './verify-code-input'

const h = setupHarness({
  users: [
    {
      email_addresses: ['jane@example.com', { email_address: 'new@example.com', verified: false }],
    },
  ],
  settings: { maxAttempts: 2, codeLifetimeMs: 600_000 },
})

async function prepared() {
  const state = await h.serverUser()
  const id = state.email_addresses.find((a) => a.email_address === 'new@example.com')!.id
  const url = `https://fapi.emulator.test/v1/me/email_addresses/${id}/prepare_verification?_clerk_session_id=${h.emulator.signedIn.sessionId}`
  await h.emulator.fetch(
    new Request(url, { method: 'POST', body: new URLSearchParams({ strategy: 'email_code' }) }),
  )
  return { id, code: h.emulator.latestMessage('new@example.com')!.code! }
}

function renderInput(id: string, onVerified = vi.fn()) {
  const Wrapper = h.wrapper()
  render(
    <Wrapper>
      <VerifyCodeInput emailAddressId={id} onVerified={onVerified} />
    </Wrapper>,
  )
  return { input: screen.getByLabelText('Verification code') as HTMLInputElement, onVerified }
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('VerifyCodeInput', () => {
  it('is a one-time-code input with a numeric keyboard', async () => {
    const { id } = await prepared()
    const { input } = renderInput(id)
    expect(input).toHaveAttribute('autocomplete', 'one-time-code')
    expect(input).toHaveAttribute('inputmode', 'numeric')
  })

  it('submits by itself on the last digit', async () => {
    const { id, code } = await prepared()
    const { input, onVerified } = renderInput(id)
    await userEvent.type(input, code)
    await waitFor(() => expect(onVerified).toHaveBeenCalled())
    expect(screen.getByRole('status')).toHaveTextContent('new@example.com is verified.')
  })

  it('takes a pasted "123 456" or "123-456"', async () => {
    expect(normalizeCode('123 456', 6)).toBe('123456')
    expect(normalizeCode('123-456', 6)).toBe('123456')
    const { id, code } = await prepared()
    const { input, onVerified } = renderInput(id)
    input.focus()
    await userEvent.paste(`${code.slice(0, 3)} ${code.slice(3)}`)
    await waitFor(() => expect(onVerified).toHaveBeenCalled())
  })

  it('shows a wrong code as an error tied to the input, and keeps the digits', async () => {
    const { id, code } = await prepared()
    const { input, onVerified } = renderInput(id)
    await userEvent.type(input, wrong(code))
    expect(
      await screen.findByText('That code is not right. Check it and try again.'),
    ).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(/That code is not right/)
    expect(input.value).toBe(wrong(code))
    expect(onVerified).not.toHaveBeenCalled()
  })

  it('offers a new code after too many wrong ones, and takes the new code', async () => {
    const { id, code } = await prepared()
    const { input, onVerified } = renderInput(id)
    await userEvent.type(input, wrong(code))
    await screen.findByText(/That code is not right/)
    await userEvent.clear(input)
    await userEvent.type(input, wrong(code))
    expect(
      await screen.findByText('Too many wrong codes. Send a new code to try again.'),
    ).toBeInTheDocument()
    // No code can work now: nothing is sent until a new one is.
    const attempts = () => h.requests.filter((r) => r.endsWith('/attempt_verification')).length
    const before = attempts()
    await userEvent.clear(input)
    await userEvent.type(input, code)
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }))
    expect(attempts()).toBe(before)
    expect(screen.getByText('Too many wrong codes. Send a new code to try again.')).toBeVisible()
    h.emulator.clock.advance(31_000)
    await userEvent.click(screen.getByRole('button', { name: /code/i }))
    await waitFor(() => expect(input.value).toBe(''))
    const fresh = h.emulator.latestMessage('new@example.com')!.code!
    await userEvent.type(input, fresh)
    await waitFor(() => expect(onVerified).toHaveBeenCalled())
  })
})
