/**
 * Checks a seed that arrives as JSON (CLI `--seed`, `POST /__emulator/reset`) and explains what is
 * wrong in plain words, instead of failing later on a missing field.
 */
import type { EmulatorSeed, InstanceSettings, ReverificationAction } from './types'

const REVERIFICATION_ACTIONS: readonly ReverificationAction[] = [
  'create_email_address',
  'delete_email_address',
  'set_primary_email_address',
]

const NUMBER_SETTINGS = [
  'codeLength',
  'codeLifetimeMs',
  'linkLifetimeMs',
  'maxAttempts',
  'resendThrottleMs',
  'reverificationMaxAgeMs',
  'maxUnverified',
] as const
const LIST_SETTINGS = [
  'strategies',
  'reverificationRequired',
  'ssoDomains',
  'blockedDomains',
  'allowedOrigins',
  'apiVersions',
] as const

/** `Stubs.Identification.Link.type` in Clerk's FAPI spec. */
const LINK_TYPE = /^(?:oauth_[a-z0-9_]+|saml)$/

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkSettings(settings: Record<string, unknown>) {
  for (const key of Object.keys(settings)) {
    const known = [...NUMBER_SETTINGS, ...LIST_SETTINGS, 'testMode'] as string[]
    if (!known.includes(key)) {
      throw new Error(`seed.settings.${key} is not a known setting (known: ${known.join(', ')})`)
    }
  }
  if (
    settings.reverificationRequired !== undefined &&
    Array.isArray(settings.reverificationRequired)
  ) {
    for (const action of settings.reverificationRequired) {
      if (!(REVERIFICATION_ACTIONS as readonly unknown[]).includes(action)) {
        throw new Error(
          `seed.settings.reverificationRequired: ${JSON.stringify(action)} is not one of ${REVERIFICATION_ACTIONS.join(', ')}`,
        )
      }
    }
  }
  for (const key of NUMBER_SETTINGS) {
    const value = settings[key]
    if (
      value !== undefined &&
      (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    ) {
      throw new Error(`seed.settings.${key} must be a non-negative number`)
    }
  }
  for (const key of LIST_SETTINGS) {
    const value = settings[key]
    if (
      value !== undefined &&
      (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    ) {
      throw new Error(`seed.settings.${key} must be an array of strings`)
    }
  }
  if (settings.testMode !== undefined && typeof settings.testMode !== 'boolean') {
    throw new Error('seed.settings.testMode must be a boolean')
  }
}

/** Fixed ids go into URL paths and Clerk's own id form, so they keep to its prefix and base62. */
const FIXED_IDS = { id: /^user_[0-9A-Za-z]+$/, session_id: /^sess_[0-9A-Za-z]+$/ } as const

function checkUser(user: unknown, index: number, seen: Set<string>) {
  if (!isObject(user) || !Array.isArray(user.email_addresses)) {
    throw new Error(`seed.users[${index}] must be an object with an email_addresses array`)
  }
  for (const [key, form] of Object.entries(FIXED_IDS)) {
    const value = user[key]
    if (value === undefined) {
      continue
    }
    if (typeof value !== 'string' || !form.test(value)) {
      const prefix = key === 'id' ? 'user_' : 'sess_'
      throw new Error(
        `seed.users[${index}].${key} must be "${prefix}" followed by letters and digits, got ${JSON.stringify(value)}`,
      )
    }
    if (seen.has(value)) {
      throw new Error(`seed.users[${index}].${key} "${value}" is used twice`)
    }
    seen.add(value)
  }
  user.email_addresses.forEach((entry: unknown, j: number) => {
    const ok =
      typeof entry === 'string' || (isObject(entry) && typeof entry.email_address === 'string')
    if (!ok) {
      throw new Error(
        `seed.users[${index}].email_addresses[${j}] must be a string or { email_address, verified?, primary?, linked_to? }`,
      )
    }
    const links = isObject(entry) ? entry.linked_to : undefined
    if (
      links !== undefined &&
      (!Array.isArray(links) ||
        links.some(
          (link) =>
            !isObject(link) ||
            typeof link.type !== 'string' ||
            !LINK_TYPE.test(link.type) ||
            (link.id !== undefined && typeof link.id !== 'string'),
        ))
    ) {
      throw new Error(
        `seed.users[${index}].email_addresses[${j}].linked_to must be an array of { type: "oauth_<provider>" or "saml", id? }`,
      )
    }
  })
}

/**
 * Validates unknown JSON as a partial `InstanceSettings` (a seed's `settings`, or the body of
 * `POST /__emulator/settings`), or throws an `Error` saying which field is wrong.
 * @example parseSettings({ reverificationRequired: ['set_primary_email_address'] })
 */
export function parseSettings(value: unknown): Partial<InstanceSettings> {
  if (!isObject(value)) {
    throw new Error('seed.settings must be an object')
  }
  checkSettings(value)
  return value as Partial<InstanceSettings>
}

/**
 * Validates unknown JSON as an `EmulatorSeed`, or throws an `Error` saying which field is wrong.
 * @example parseSeed(JSON.parse(readFileSync('seed.json', 'utf8')))
 */
export function parseSeed(value: unknown): EmulatorSeed {
  if (value === undefined || value === null) {
    return {}
  }
  if (!isObject(value)) {
    throw new Error('the seed must be a JSON object')
  }
  if (value.users !== undefined) {
    if (!Array.isArray(value.users)) {
      throw new Error('seed.users must be an array')
    }
    const seen = new Set<string>()
    value.users.forEach((user: unknown, index: number) => checkUser(user, index, seen))
  }
  if (value.settings !== undefined) {
    parseSettings(value.settings)
  }
  if (value.environment !== undefined && !isObject(value.environment)) {
    throw new Error(
      'seed.environment must be an object laid over GET /v1/environment, e.g. { "display_config": { "application_name": "Acme" } }',
    )
  }
  if (value.strict !== undefined && typeof value.strict !== 'boolean') {
    throw new Error('seed.strict must be a boolean')
  }
  if (value.secretKey !== undefined && typeof value.secretKey !== 'string') {
    throw new Error('seed.secretKey must be a string')
  }
  return value as EmulatorSeed
}
