import { describe, expectTypeOf, it } from 'vitest'
import {
  createFapiClient,
  type DeleteEmailAddressResult,
  type EmailAddress,
  type EmailAddressResult,
  type FapiError,
  type FapiErrorItem,
  isFapiError,
  type User,
  type UserResult,
  type Verification,
} from './index'

const client = createFapiClient({ publishableKey: 'pk_test_x', sessionId: 'sess_1' })

describe('createFapiClient', () => {
  it('takes exactly one FAPI location', () => {
    createFapiClient({ frontendApi: 'clerk.example.com' })
    createFapiClient({ proxyUrl: '/__clerk', getSessionId: () => null })
    // A development key with a proxy: the key decides the dev browser, the proxy the URL.
    createFapiClient({ proxyUrl: 'http://127.0.0.1:4010', publishableKey: 'pk_test_x' })
    // @ts-expect-error publishableKey and frontendApi exclude each other
    createFapiClient({ publishableKey: 'pk_test_x', frontendApi: 'clerk.example.com' })
    // @ts-expect-error a location is required
    createFapiClient({ sessionId: 'sess_1' })
  })

  it('returns plain data from every operation', () => {
    expectTypeOf(client.emailAddresses.list()).resolves.toEqualTypeOf<EmailAddress[]>()
    expectTypeOf(client.emailAddresses.get('idn_1')).resolves.toEqualTypeOf<EmailAddressResult>()
    expectTypeOf(
      client.emailAddresses.create({ emailAddress: 'a@b.co' }),
    ).resolves.toEqualTypeOf<EmailAddressResult>()
    expectTypeOf(
      client.emailAddresses.attemptVerification('idn_1', { code: '1' }),
    ).resolves.toEqualTypeOf<EmailAddressResult>()
    expectTypeOf(
      client.emailAddresses.delete('idn_1'),
    ).resolves.toEqualTypeOf<DeleteEmailAddressResult>()
    expectTypeOf(client.me.get()).resolves.toEqualTypeOf<UserResult>()
    expectTypeOf(
      client.me.update({ primaryEmailAddressId: 'idn_1' }),
    ).resolves.toEqualTypeOf<UserResult>()
    expectTypeOf<EmailAddressResult['user']>().toEqualTypeOf<User | null>()
    expectTypeOf<UserResult['user']>().toEqualTypeOf<User>()
    expectTypeOf<EmailAddress['verification']>().toEqualTypeOf<Verification | null>()
    expectTypeOf<EmailAddress['createdAt']>().toEqualTypeOf<number>()
  })

  it('only knows the email strategies', () => {
    client.emailAddresses.prepareVerification('idn_1', { strategy: 'email_code' })
    client.emailAddresses.prepareVerification('idn_1', {
      strategy: 'email_link',
      redirectUrl: 'https://a.example',
    })
    // @ts-expect-error phone strategies do not apply to email addresses
    client.emailAddresses.prepareVerification('idn_1', { strategy: 'phone_code' })
  })

  it('takes an abort signal on every operation', () => {
    const signal = new AbortController().signal
    client.emailAddresses.list({ signal })
    client.emailAddresses.delete('idn_1', { signal })
    client.me.update({ primaryEmailAddressId: 'idn_1' }, { signal })
  })
})

describe('FapiError', () => {
  it('narrows with isFapiError and exposes typed fields', () => {
    const error: unknown = null
    if (isFapiError(error)) {
      expectTypeOf(error).toEqualTypeOf<FapiError>()
      expectTypeOf(error.status).toEqualTypeOf<number>()
      expectTypeOf(error.code).toEqualTypeOf<string>()
      expectTypeOf(error.errors).toEqualTypeOf<readonly FapiErrorItem[]>()
      expectTypeOf(error.fieldErrors.emailAddress).toEqualTypeOf<FapiErrorItem | undefined>()
      expectTypeOf(error.retryAfter).toEqualTypeOf<number | null>()
      expectTypeOf(error.traceId).toEqualTypeOf<string | null>()
      expectTypeOf(error.user).toEqualTypeOf<User | null>()
    }
  })
})
