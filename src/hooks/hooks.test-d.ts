import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type AddEmailAddressFlowState,
  type DeleteEmailAddressResult,
  type EmailAddress,
  type EmailAddressesData,
  type EmailAddressResult,
  type EmailLinkStatus,
  emailAddressKeys,
  emailAddressQueries,
  type FapiClient,
  type FapiError,
  type User,
  type UserResult,
  useAddEmailAddressFlow,
  useAttemptEmailAddressVerification,
  useCreateEmailAddress,
  useDeleteEmailAddress,
  useEmailAddress,
  useEmailAddresses,
  useEmailLinkVerification,
  usePrepareEmailAddressVerification,
  useSetPrimaryEmailAddress,
  useVerificationCooldown,
} from '../index'

declare const client: FapiClient
declare const queryClient: QueryClient

describe('query hooks', () => {
  it('useEmailAddresses gives the sorted data, or what select picks', () => {
    expectTypeOf(useEmailAddresses()).toEqualTypeOf<UseQueryResult<EmailAddressesData, FapiError>>()
    expectTypeOf(useEmailAddresses({ select: (data) => data.emailAddresses.length })).toEqualTypeOf<
      UseQueryResult<number, FapiError>
    >()
  })

  it('useEmailAddress gives one address or null', () => {
    expectTypeOf(useEmailAddress('idn_1').data).toEqualTypeOf<EmailAddress | null | undefined>()
    expectTypeOf(useEmailAddress('idn_1').error).toEqualTypeOf<FapiError | null>()
  })

  it('emailAddressQueries carry the User type into the cache', () => {
    expectTypeOf(emailAddressQueries.me(client).queryKey).toExtend<readonly unknown[]>()
    expectTypeOf(emailAddressKeys.me({ baseUrl: 'x', sessionId: null })).toEqualTypeOf<
      readonly ['react-email-addresses', string, string | null, 'me']
    >()
    expectTypeOf(queryClient.getQueryData(emailAddressQueries.me(client).queryKey)).toEqualTypeOf<
      User | undefined
    >()
  })
})

describe('mutation hooks', () => {
  it('type their variables and results', () => {
    expectTypeOf(useCreateEmailAddress()).toExtend<
      UseMutationResult<EmailAddressResult, FapiError, { emailAddress: string }, unknown>
    >()
    expectTypeOf(usePrepareEmailAddressVerification().mutate).parameter(0).toEqualTypeOf<{
      id: string
      strategy: 'email_code' | 'email_link' | 'enterprise_sso'
      redirectUrl?: string
      actionCompleteRedirectUrl?: string
    }>()
    expectTypeOf(useAttemptEmailAddressVerification().data).toEqualTypeOf<
      EmailAddressResult | undefined
    >()
    expectTypeOf(useDeleteEmailAddress().data).toEqualTypeOf<DeleteEmailAddressResult | undefined>()
    expectTypeOf(useSetPrimaryEmailAddress().data).toEqualTypeOf<UserResult | undefined>()
    expectTypeOf(useSetPrimaryEmailAddress().error).toEqualTypeOf<FapiError | null>()
  })
})

describe('flows', () => {
  it('narrow the add flow by step', () => {
    const flow = useAddEmailAddressFlow()
    expectTypeOf<AddEmailAddressFlowState['step']>().toEqualTypeOf<
      'enterEmail' | 'verify' | 'done'
    >()
    if (flow.step === 'verify') {
      expectTypeOf(flow.emailAddressId).toEqualTypeOf<string>()
    }
    if (flow.step === 'done') {
      expectTypeOf(flow.emailAddress).toEqualTypeOf<EmailAddress>()
    }
    expectTypeOf(flow.submitCode).returns.resolves.toEqualTypeOf<boolean>()
  })

  it('type the link and cooldown helpers', () => {
    expectTypeOf(useEmailLinkVerification('idn_1').status).toEqualTypeOf<EmailLinkStatus>()
    expectTypeOf(useVerificationCooldown('idn_1').secondsUntilResend).toEqualTypeOf<number>()
  })
})
