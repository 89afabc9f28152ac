/**
 * Which Clerk API version a request speaks. Clerk's docs ("Versioning overview", clerk-docs
 * `docs/guides/development/upgrading/versioning.mdx`): a request names its version in the
 * `__clerk_api_version` query parameter (clerk-js, our FAPI client) or the `Clerk-API-Version` header
 * (the backend SDKs); "using both ... will lead to an invalid request. The same is also true when the
 * version is invalid." So, unlike PROTOCOL.md §1.12's older advice to accept any value, the emulator
 * refuses a version it does not know, and names the versions it does, so a typo or an SDK newer than
 * the emulator shows up at once instead of as a silently different answer. Clerk's docs give no error
 * code for this; the emulator answers 400 `bad_request` (a documented generic BAPI code) with a
 * message that says what is wrong.
 *
 * Where the versions differ on the emulated endpoints (Clerk's upgrade guides, PROTOCOL.md §0):
 * - `PATCH /v1/me` refuses `unsafe_metadata` from 2026-05-12 on ("Upgrade to API version 2026-05-12");
 *   older versions accept it and store it on the user.
 * - Nothing else: the email-address sections of the FAPI spec are byte-identical in 2024-10-01,
 *   2025-04-10, 2025-11-10 and 2026-05-12, 2021-02-05 differs only in a `$ref` name, and 2025-11-10's
 *   changes are all in Billing. 2025-03-12's section differs in ways nobody here has examined, and
 *   2026-08-20 (what clerk-js 6.40 sends) has no published spec yet: both answer like their neighbours.
 */
import { ApiError } from './http'

/**
 * The versions Clerk has published (the file names of `clerk/openapi-specs`, BAPI and FAPI), plus
 * 2026-08-20, which clerk-js 6.40.0 sends (PROTOCOL.md §1.12), so Clerk's servers accept it.
 */
export const KNOWN_API_VERSIONS: readonly string[] = Object.freeze([
  '2021-02-05',
  '2024-10-01',
  '2025-01-15',
  '2025-03-12',
  '2025-04-10',
  '2025-11-10',
  '2025-12-03',
  '2026-05-12',
  '2026-08-20',
])

/** The version of a request that names none: the spec the emulator was written against. */
export const DEFAULT_API_VERSION = '2026-05-12'

/** The first version on which `PATCH /v1/me` refuses `unsafe_metadata`. */
export const METADATA_ENDPOINTS_SINCE = '2026-05-12'

function refuse(long: string): ApiError {
  return new ApiError(400, 'bad_request', 'Bad request', long)
}

/**
 * The version `request` asks for, or 400 when it names two or an unknown one. `extra` adds versions
 * (the instance setting `apiVersions`) for an SDK newer than this emulator.
 * @example readApiVersion(request, new URL(request.url), []) // '2026-05-12' when none is named
 */
export function readApiVersion(request: Request, url: URL, extra: readonly string[]): string {
  const header = request.headers.get('clerk-api-version')
  const query = url.searchParams.get('__clerk_api_version')
  if (header !== null && query !== null) {
    throw refuse(
      'Name the API version once: either the Clerk-API-Version header or the __clerk_api_version ' +
        'query parameter, not both.',
    )
  }
  const asked = (header ?? query)?.trim()
  if (asked === undefined) {
    return DEFAULT_API_VERSION
  }
  if (KNOWN_API_VERSIONS.includes(asked) || extra.includes(asked)) {
    return asked
  }
  const known = [...KNOWN_API_VERSIONS, ...extra].join(', ')
  throw refuse(
    `"${asked.slice(0, 40)}" is not a Clerk API version this emulator knows (known: ${known}). ` +
      'Add a newer one with settings.apiVersions.',
  )
}

/** True when `version` is `since` or later (versions are ISO dates, so they compare as strings). */
export function versionAtLeast(version: string, since: string): boolean {
  return version >= since
}
