/** The scenes of the bench page (`?scene=`). */
export type BenchScene = 'lifecycle' | 'consumers' | 'typing' | 'list' | 'render'

/** The query parameters of each playground page. */
export interface PageParams {
  /** The settings page (`npm run demo`): `EmailAddressManager` beside the headless panel. */
  settings: Record<string, never>
  /** Where an email link lands (`EmailLinkLanding`); FAPI adds `__clerk_status`. */
  verified: { __clerk_status?: string }
  /** The settings page inside Clerk's React SDK, beside `useUser()` and `<UserProfile/>`. */
  clerk: Record<string, never>
  /** clerk-js's list and ours side by side (the Clerk specs); `ui`: load Clerk's prebuilt UI. */
  sides: { fapi: string; key?: string; ui?: boolean }
  /** clerk-js alone, not loaded yet (`window.Clerk`): the Clerk specs and the bench drive it. */
  clerkJs: { fapi: string; key?: string }
  /** Clerk's own `<UserProfile/>` mounted by clerk-js with Clerk's prebuilt UI. */
  userProfile: { fapi: string; key?: string }
  /** A benchmark scene against the emulator at `fapi`, signed in as `sid`. */
  bench: { scene: BenchScene; fapi: string; sid: string; verify?: string }
}

/** A playground page's name. */
export type PageName = keyof PageParams

/** A page's path, its HTML entry, and its parameters as `readParams` checks them. */
export interface PageEntry {
  readonly path: string
  readonly html: string
  readonly params: Readonly<Record<string, string | readonly string[]>>
}

/** Every page of the playground. */
export const PAGES: { readonly [P in PageName]: PageEntry }

/** The scenes of the bench page. */
export const BENCH_SCENES: readonly BenchScene[]

/** A development publishable key (`*.accounts.dev`) whose FAPI host is never contacted. */
export const EMULATOR_PUBLISHABLE_KEY: string

/** The page served at `pathname`, or undefined. */
export function pageForPath(pathname: string): PageName | undefined

type ParamsArg<P extends PageName> =
  Record<string, never> extends PageParams[P] ? [params?: PageParams[P]] : [params: PageParams[P]]

/**
 * The URL of `page` on the playground at `base`.
 * @example pageUrl(server.url, 'sides', { fapi: emulator.url, ui: true })
 */
export function pageUrl<P extends PageName>(base: string, page: P, ...params: ParamsArg<P>): string

/**
 * `page`'s parameters from `search` (default: the current page's query); throws on a missing or
 * unknown value.
 * @example const { fapi, key = EMULATOR_PUBLISHABLE_KEY } = readParams('clerkJs')
 */
export function readParams<P extends PageName>(page: P, search?: string): PageParams[P]
