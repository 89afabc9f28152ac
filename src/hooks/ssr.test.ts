import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { EmailAddressesProvider } from './email-addresses-provider'
import { useEmailAddresses } from './use-email-addresses'
import { useVerificationCooldown } from './use-verification-cooldown'

describe('server rendering', () => {
  it('renders without window, document or storage, and sends no request', () => {
    expect(typeof window).toBe('undefined')
    let requests = 0
    function Probe() {
      const { isPending } = useEmailAddresses()
      const { canResend } = useVerificationCooldown('idn_1')
      return createElement('p', null, `${isPending ? 'loading' : 'ready'} ${canResend}`)
    }
    const html = renderToString(
      createElement(
        EmailAddressesProvider,
        {
          frontendApi: 'clerk.example.com',
          sessionId: 'sess_1',
          fetch: async () => {
            requests += 1
            return new Response('{}')
          },
        },
        createElement(Probe),
      ),
    )
    expect(html).toBe('<p>loading true</p>')
    expect(requests).toBe(0)
  })
})
