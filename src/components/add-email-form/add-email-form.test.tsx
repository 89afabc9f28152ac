import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { setupHarness } from '../../../test/support/hooks-harness'
import { deDE } from '../../localization/de-de'
import { AddEmailForm } from './add-email-form'

const h = setupHarness({ users: [{ email_addresses: ['jane@example.com'] }] })

function renderForm(props: Parameters<typeof AddEmailForm>[0] = {}, provider = {}) {
  const Wrapper = h.wrapper(provider)
  render(
    <Wrapper>
      <AddEmailForm {...props} />
    </Wrapper>,
  )
  return { input: screen.getByLabelText('Email address') as HTMLInputElement }
}

const creates = () => h.requests.filter((r) => r === 'POST /v1/me/email_addresses/')

describe('AddEmailForm', () => {
  it('trims the address and reports the new one', async () => {
    const onSuccess = vi.fn()
    const { input } = renderForm({ onSuccess })
    await userEvent.type(input, '  new@example.com  ')
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    await waitFor(() =>
      expect(onSuccess).toHaveBeenCalledWith(
        expect.objectContaining({ emailAddress: 'new@example.com' }),
      ),
    )
    expect(input.value).toBe('')
  })

  it('refuses an address too long for mail servers before any request, keeping the text', async () => {
    const { input } = renderForm()
    const long = `${'a'.repeat(65)}@example.com`
    await userEvent.type(input, long)
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    expect(
      await screen.findByText(
        'This email address is too long for mail servers. Use a shorter one.',
      ),
    ).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input.value).toBe(long)
    expect(creates()).toHaveLength(0)
  })

  it('sends an internationalised domain in ASCII', async () => {
    const onSuccess = vi.fn()
    renderForm({ onSuccess })
    await userEvent.type(screen.getByLabelText('Email address'), 'jane@bücher.de')
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    await waitFor(() =>
      expect(onSuccess).toHaveBeenCalledWith(
        expect.objectContaining({ emailAddress: 'jane@xn--bcher-kva.de' }),
      ),
    )
    expect((await h.serverUser()).email_addresses.map((a) => a.email_address)).toContain(
      'jane@xn--bcher-kva.de',
    )
  })

  it('checks the format before any request, on the field', async () => {
    const { input } = renderForm()
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    expect(await screen.findByText('Enter an email address.')).toBeInTheDocument()
    await userEvent.type(input, 'not-an-email')
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    expect(
      await screen.findByText('Enter a valid email address, like name@example.com.'),
    ).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.')
    expect(creates()).toHaveLength(0)
  })

  it('suggests a fix for a mistyped common domain', async () => {
    const { input } = renderForm()
    await userEvent.type(input, 'new@gmail.con')
    expect(screen.getByText('Did you mean new@gmail.com?')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Use new@gmail.com' }))
    expect(input.value).toBe('new@gmail.com')
    expect(screen.queryByText(/Did you mean/)).not.toBeInTheDocument()
  })

  it('puts a taken address on the field and keeps what was typed', async () => {
    h.emulator.reset({
      users: [{ email_addresses: ['jane@example.com'] }, { email_addresses: ['bob@example.com'] }],
    })
    const { input } = renderForm()
    await userEvent.type(input, 'bob@example.com')
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    expect(
      await screen.findByText('This email address is taken. Please try another.'),
    ).toBeInTheDocument()
    expect(input.value).toBe('bob@example.com')
    expect(input).toHaveAttribute('aria-invalid', 'true')
  })

  it('puts a server failure on the form, keeps the text, and sends once', async () => {
    const { input } = renderForm()
    const held = h.hold({ method: 'POST', path: '/v1/me/email_addresses' })
    h.emulator.injectFault({ method: 'POST', path: '/v1/me/email_addresses', status: 500 })
    await userEvent.type(input, 'new@example.com')
    const submit = screen.getByRole('button', { name: 'Add email address' })
    await userEvent.click(submit)
    // The first request is at the server, its answer held, when the user clicks again.
    await held.reached()
    expect(await screen.findByRole('button', { name: 'Adding…' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Adding…' }))
    held.open()
    expect(
      await screen.findByText('The server had a problem. Please try again.'),
    ).toBeInTheDocument()
    expect(input.value).toBe('new@example.com')
    expect(creates()).toHaveLength(1)
  })

  it('speaks German when asked', async () => {
    const Wrapper = h.wrapper({ localization: deDE })
    render(
      <Wrapper>
        <AddEmailForm />
      </Wrapper>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'E-Mail-Adresse hinzufügen' }))
    expect(await screen.findByText('Gib eine E-Mail-Adresse ein.')).toBeInTheDocument()
  })

  it('follows an address the app controls, and tells the app what the user types', async () => {
    function Controlled() {
      const [value, setValue] = useState('start@example.com')
      return (
        <>
          <AddEmailForm value={value} onValueChange={setValue} />
          <output aria-label="App holds">{value}</output>
          <button type="button" onClick={() => setValue('set@example.com')}>
            Set from the app
          </button>
        </>
      )
    }
    const Wrapper = h.wrapper()
    render(
      <Wrapper>
        <Controlled />
      </Wrapper>,
    )
    const input = screen.getByLabelText('Email address') as HTMLInputElement
    expect(input.value).toBe('start@example.com')
    await userEvent.clear(input)
    await userEvent.type(input, 'typed@example.com')
    expect(screen.getByLabelText('App holds')).toHaveTextContent('typed@example.com')
    await userEvent.click(screen.getByRole('button', { name: 'Set from the app' }))
    await waitFor(() => expect(input.value).toBe('set@example.com'))
    await userEvent.click(screen.getByRole('button', { name: 'Add email address' }))
    await waitFor(async () =>
      expect((await h.serverUser()).email_addresses.map((a) => a.email_address)).toContain(
        'set@example.com',
      ),
    )
    // Added: the form empties, and tells the app so.
    await waitFor(() => expect(screen.getByLabelText('App holds')).toHaveTextContent(''))
  })
})
