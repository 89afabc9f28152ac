/**
 * The adapter's pure parts, in Node with stand-ins for clerk-js: the resource → `User` mapping, the
 * fetch tap that hands FAPI's client to clerk-js, and what is read from the Clerk instance.
 */
import type { LoadedClerk, UserResource } from '@clerk/react/types'
import { describe, expect, it, vi } from 'vitest'
import type { User } from '../../src'
import {
  createClerkFetch,
  devBrowserTokenOf,
  fapiLocationOf,
  openClerkReverification,
  userFromClerk,
} from '../../src/clerk'

const asClerk = (fake: object) => fake as unknown as LoadedClerk

function clerkUser(): UserResource {
  const emptyVerification = { status: null, strategy: null, attempts: null, expireAt: null }
  return {
    id: 'user_1',
    primaryEmailAddressId: 'idn_a',
    username: null,
    firstName: 'Jane',
    lastName: null,
    imageUrl: '',
    createdAt: new Date(1_000),
    updatedAt: new Date(2_000),
    emailAddresses: [
      {
        id: 'idn_a',
        emailAddress: 'a@example.com',
        linkedTo: [{ id: 'idn_link', type: 'oauth_google' }],
        matchesSsoConnection: false,
        verification: {
          status: 'unverified',
          strategy: 'email_code',
          attempts: 1,
          expireAt: new Date(5_000),
          externalVerificationRedirectURL: null,
          verifiedAtClient: null,
          error: {
            code: 'form_code_incorrect',
            message: 'Incorrect code',
            meta: { paramName: 'code' },
          },
        },
      },
      {
        id: 'idn_b',
        emailAddress: 'b@example.com',
        linkedTo: [],
        matchesSsoConnection: true,
        verification: emptyVerification,
      },
    ],
  } as unknown as UserResource
}

describe('userFromClerk', () => {
  it('maps clerk-js resources to plain data: dates to ms, empty verifications to null', () => {
    const user = userFromClerk(clerkUser())
    expect(user).toEqual<User>({
      id: 'user_1',
      primaryEmailAddressId: 'idn_a',
      username: null,
      firstName: 'Jane',
      lastName: null,
      imageUrl: null,
      createdAt: 1_000,
      updatedAt: 2_000,
      emailAddresses: [
        {
          id: 'idn_a',
          emailAddress: 'a@example.com',
          reserved: false,
          linkedTo: [{ id: 'idn_link', type: 'oauth_google' }],
          matchesSsoConnection: false,
          createdAt: 2_000,
          updatedAt: 2_000,
          verification: {
            status: 'unverified',
            strategy: 'email_code',
            attempts: 1,
            expireAt: 5_000,
            verifiedAtClient: null,
            externalVerificationRedirectUrl: null,
            error: {
              code: 'form_code_incorrect',
              message: 'Incorrect code',
              longMessage: null,
              meta: { paramName: 'code' },
            },
          },
        },
        expect.objectContaining({ id: 'idn_b', verification: null, matchesSsoConnection: true }),
      ],
    })
  })

  it('keeps what clerk-js does not hold (reserved, per-address timestamps) from our cached user', () => {
    const previous = userFromClerk(clerkUser())
    previous.emailAddresses[0] = { ...previous.emailAddresses[0]!, reserved: true, createdAt: 7 }
    const again = userFromClerk(clerkUser(), previous)
    expect(again.emailAddresses[0]).toMatchObject({ reserved: true, createdAt: 7 })
  })
})

describe('createClerkFetch', () => {
  const clientJson = { object: 'client', id: 'client_1', sessions: [] }

  function fakeClerkJs() {
    const fromJSON = vi.fn((json: unknown) => ({ parsed: json }))
    const updateClient = vi.fn()
    return { client: { fromJSON }, updateClient, fromJSON }
  }

  it("hands an answer's client (or an error's meta.client) to clerk-js, and still returns the answer", async () => {
    const clerkJs = fakeClerkJs()
    // @clerk/react's useClerk() wraps clerk-js as `clerkjs`.
    const clerk = asClerk({ clerkjs: clerkJs })
    const answers = [
      Response.json({ response: {}, client: clientJson }),
      Response.json({ errors: [], meta: { client: clientJson } }, { status: 422 }),
      Response.json([{ id: 'idn_a' }]),
      new Response(null, { status: 204 }),
    ]
    const tapped = createClerkFetch(clerk, async () => answers.shift()!)
    const first = await tapped('https://fapi.test/v1/me/email_addresses/')
    expect(await first.json()).toEqual({ response: {}, client: clientJson })
    await tapped('https://fapi.test/v1/me/email_addresses/idn_a/attempt_verification')
    await tapped('https://fapi.test/v1/me/email_addresses')
    await tapped('https://fapi.test/v1/x')
    expect(clerkJs.fromJSON).toHaveBeenCalledTimes(2)
    expect(clerkJs.updateClient).toHaveBeenCalledTimes(2)
    expect(clerkJs.updateClient).toHaveBeenCalledWith({ parsed: clientJson })
  })

  it('falls back to user.reload() when clerk-js hides its client update', async () => {
    const reload = vi.fn(async () => undefined)
    const clerk = asClerk({ user: { reload } })
    const tapped = createClerkFetch(clerk, async () => Response.json({ client: clientJson }))
    await tapped('https://fapi.test/v1/me')
    expect(reload).toHaveBeenCalledTimes(1)
  })
})

describe('reading the Clerk instance', () => {
  it('uses proxyUrl when set, else frontendApi', () => {
    expect(
      fapiLocationOf(asClerk({ proxyUrl: 'http://127.0.0.1:4010', frontendApi: 'x.accounts.dev' })),
    ).toEqual({
      proxyUrl: 'http://127.0.0.1:4010',
    })
    expect(fapiLocationOf(asClerk({ proxyUrl: '', frontendApi: 'x.clerk.accounts.dev' }))).toEqual({
      frontendApi: 'x.clerk.accounts.dev',
    })
  })

  it('reads the dev-browser token from buildUrlWithAuth on development instances only', () => {
    const buildUrlWithAuth = (to: string) => `${to}?__clerk_db_jwt=dvb_123`
    expect(devBrowserTokenOf(asClerk({ instanceType: 'development', buildUrlWithAuth }))).toBe(
      'dvb_123',
    )
    expect(devBrowserTokenOf(asClerk({ instanceType: 'production', buildUrlWithAuth }))).toBeNull()
    const throwing = () => {
      throw new Error('Missing dev browser')
    }
    // No token and no cookie (Node has no document): none, rather than a crash.
    expect(
      devBrowserTokenOf(asClerk({ instanceType: 'development', buildUrlWithAuth: throwing })),
    ).toBeNull()
  })

  it("opens Clerk's reverification with our complete/cancel, and cancels when Clerk has no UI", () => {
    const request = { error: new Error('403') as never, complete: vi.fn(), cancel: vi.fn() }
    const open = vi.fn((props: { afterVerification(): void }) => props.afterVerification())
    openClerkReverification(asClerk({ __internal_openReverification: open }), request)
    expect(request.complete).toHaveBeenCalledTimes(1)
    const headless = () => {
      throw new Error('Clerk was not loaded with Ui components')
    }
    openClerkReverification(asClerk({ __internal_openReverification: headless }), request)
    expect(request.cancel).toHaveBeenCalledTimes(1)
  })
})
