/**
 * Seeds and ids shared by the stories. Ids are fixed so stories can pass them as props
 * (`emailAddressId`) and set-ups can send codes to them.
 */
import type { EmulatorOptions, FaultSpec } from '../src/testing/index'

/** Jane's verified primary address. */
export const PRIMARY_ID = 'idn_2storyPrimary0000000000000'
/** A verified secondary address. */
export const SECONDARY_ID = 'idn_2storySecondary00000000000'
/** An unverified address that receives real (non-test) codes in the inbox. */
export const NEW_ID = 'idn_2storyNew00000000000000000'

/** A wait long enough to stay "loading" for the whole story (and short of setTimeout's limit). */
export const FOREVER_MS = 2_000_000_000

/** `GET /v1/me` never answers: the list stays loading for the whole story. */
export const neverLoads: FaultSpec[] = [
  { method: 'GET', path: '/v1/me', delayMs: FOREVER_MS, times: 10_000 },
]

/** Every Frontend API call answers 503. */
export const serverDown: FaultSpec[] = [{ path: '/v1/*', status: 503, times: 10_000 }]

/** Jane without any email address. */
export const noAddresses = { users: [{ email_addresses: [] }] } satisfies EmulatorOptions

/** Jane with a verified primary and an unverified `new@example.com`. */
export const withUnverified = {
  users: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      email_addresses: [
        { email_address: 'jane@example.com', id: PRIMARY_ID },
        { email_address: 'new@example.com', id: NEW_ID, verified: false },
      ],
    },
  ],
} satisfies EmulatorOptions

/** Jane with a verified primary, a verified secondary and an unverified address. */
export const threeAddresses = {
  users: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      email_addresses: [
        { email_address: 'jane@example.com', id: PRIMARY_ID },
        { email_address: 'jane@work.example', id: SECONDARY_ID },
        { email_address: 'new@example.com', id: NEW_ID, verified: false },
      ],
    },
  ],
} satisfies EmulatorOptions

/** `threeAddresses`, with the primary linked to Google and the work address to SAML and GitHub. */
export const linkedAddresses = {
  users: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      email_addresses: [
        {
          email_address: 'jane@example.com',
          id: PRIMARY_ID,
          linked_to: [{ type: 'oauth_google' }],
        },
        {
          email_address: 'jane@work.example',
          id: SECONDARY_ID,
          linked_to: [{ type: 'saml' }, { type: 'oauth_github' }],
        },
        { email_address: 'new@example.com', id: NEW_ID, verified: false },
      ],
    },
  ],
} satisfies EmulatorOptions

/** `settings` merged into a seed. */
export function withSettings(
  seed: EmulatorOptions,
  settings: NonNullable<EmulatorOptions['settings']>,
): EmulatorOptions {
  return { ...seed, settings: { ...seed.settings, ...settings } }
}
