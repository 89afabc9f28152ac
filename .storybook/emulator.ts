/**
 * One fresh FAPI emulator per story, served to the browser through msw.
 *
 * Each story gets its own fake FAPI origin (`https://fapi-<n>.emulator.test`), so that the stories of
 * an autodocs page, which are all mounted at once, each talk to their own emulator. The story's
 * `parameters.emulator` (see `EmulatorParameters`) chooses the seed, the faults and any set-up.
 */
import { QueryClient } from '@tanstack/react-query'
import type { StoryContext } from '@storybook/react-vite'
import type { RequestHandler } from 'msw'
import type { EmailAddressesProviderProps } from '../src/index'
import {
  createEmulatorHandlers,
  createFapiEmulator,
  type EmulatorOptions,
  type FapiEmulator,
  type FaultSpec,
  seeds,
} from '../src/testing/index'

declare module 'storybook/internal/csf' {
  interface StoryContext {
    /** This story's FAPI emulator (set by the preview's `beforeEach`). */
    emulator: FapiEmulator
    /** This story's emulator, fake origin, QueryClient and a direct request helper. */
    storyEmulator: StoryEmulator
    /** One emulator per cell of `parameters.emulator.matrix` (empty without one). */
    emulatorMatrix: MatrixCell[]
  }
}

/** One cell of an all-states matrix: a named state with its own emulator. */
export interface MatrixCell {
  name: string
  story: StoryEmulator
  parameters: EmulatorParameters
}

/**
 * What a story may put in `parameters.emulator`. Build it with `emulatorParameters` for type checks.
 * Storybook deep-merges parameters: a story inherits its meta's `setup` and `faults` unless it sets its
 * own, so keep `setup` out of a meta.
 */
export interface EmulatorParameters {
  /** The emulator's seed. @defaultValue `seeds.default` (Jane, one verified primary address) */
  seed?: EmulatorOptions
  /** Faults queued after `setup`, before the story renders (e.g. `{ path: '/v1/me', status: 503 }`). */
  faults?: FaultSpec[]
  /** Runs against the fresh emulator before the story renders: send a code, move the clock… */
  setup?: (story: StoryEmulator) => void | Promise<void>
  /** Show the "Emulator inbox" panel below the story. @defaultValue true */
  inbox?: boolean
  /** Wrap the story in `EmailAddressesProvider` (and a fresh QueryClient). @defaultValue true */
  provider?: boolean
  /** Props laid over the provider's (`frontendApi`, `sessionId`, `queryClient` are set already). */
  providerProps?: Partial<EmailAddressesProviderProps>
  /**
   * Answer `onReverificationRequired` with a small dialog whose button reverifies the session in the
   * emulator. Set false to see what the components do when the app offers no step-up.
   * @defaultValue true
   */
  reverificationDialog?: boolean
  /**
   * Renders the story once per entry, each on its own emulator and provider, under the entry's name:
   * an all-states matrix for visual review. Each entry takes the same options as a story.
   */
  matrix?: Record<string, EmulatorParameters>
}

/** The story's emulator and what talks to it. */
export interface StoryEmulator {
  emulator: FapiEmulator
  /** The fake FAPI origin this story's provider uses, e.g. `https://fapi-3.emulator.test`. */
  origin: string
  /** The fresh cache of this story (retries off). */
  queryClient: QueryClient
  /**
   * Calls the emulator directly, as the server sees it (not through the app), on the signed-in
   * session: `request('POST', '/v1/me/email_addresses/idn_1/prepare_verification', { strategy })`.
   */
  request(method: string, path: string, form?: Record<string, string>): Promise<Response>
  /** Sends a code (or link) to an address directly in the emulator, as if another tab had. */
  prepare(emailAddressId: string, form?: Record<string, string>): Promise<void>
}

/**
 * Types a story's emulator parameters.
 * @example parameters: emulatorParameters({ seed: seeds.threeAddresses, inbox: false })
 */
export function emulatorParameters(parameters: EmulatorParameters): {
  emulator: EmulatorParameters
} {
  return { emulator: parameters }
}

let counter = 0

function readParameters(context: Pick<StoryContext, 'parameters'>): EmulatorParameters {
  const value: unknown = context.parameters.emulator
  return typeof value === 'object' && value !== null ? value : {}
}

/** The story's `parameters.emulator` (an empty object when it has none). */
export function parametersOf(context: Pick<StoryContext, 'parameters'>): EmulatorParameters {
  return readParameters(context)
}

/**
 * The stories show every verification method, so their instance offers links as well as codes; the
 * emulator's own default is a fresh Clerk instance's, codes only. A seed naming `strategies` wins.
 */
function withEveryStrategy(seed: EmulatorOptions): EmulatorOptions {
  return {
    ...seed,
    settings: { strategies: ['email_code', 'email_link', 'enterprise_sso'], ...seed.settings },
  }
}

function createStoryEmulator(seed: EmulatorOptions): StoryEmulator {
  counter += 1
  const origin = `https://fapi-${counter}.emulator.test`
  const emulator = createFapiEmulator(withEveryStrategy(seed))
  const request: StoryEmulator['request'] = (method, path, form) => {
    const url = new URL(path, origin)
    url.searchParams.set('_clerk_session_id', emulator.signedIn.sessionId)
    const wire = method === 'GET' || method === 'POST' ? method : 'POST'
    if (wire !== method) {
      url.searchParams.set('_method', method)
    }
    return emulator.fetch(
      new Request(url, {
        method: wire,
        body: wire === 'GET' ? undefined : new URLSearchParams(form ?? {}),
      }),
    )
  }
  return {
    emulator,
    origin,
    queryClient: new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
    request,
    async prepare(emailAddressId, form = { strategy: 'email_code' }) {
      const path = `/v1/me/email_addresses/${emailAddressId}/prepare_verification`
      const response = await request('POST', path, form)
      if (!response.ok) {
        throw new Error(`prepare ${emailAddressId} failed in set-up: ${await response.text()}`)
      }
    },
  }
}

/** A story emulator with its msw handlers, while its story is mounted. */
interface LiveEmulator {
  story: StoryEmulator
  handlers: RequestHandler[]
}

const live = new Map<string, LiveEmulator>()

async function startEmulator(parameters: EmulatorParameters): Promise<LiveEmulator> {
  const story = createStoryEmulator(parameters.seed ?? seeds.default)
  await parameters.setup?.(story)
  for (const fault of parameters.faults ?? []) {
    story.emulator.injectFault(fault)
  }
  const handlers = [...createEmulatorHandlers(story.emulator, { origin: story.origin })]
  return { story, handlers }
}

/**
 * The preview's `beforeEach`: a fresh emulator for the story (and one per `matrix` cell), their msw
 * handlers, and a cleanup. Handlers of every story still mounted are registered again, because
 * msw-storybook-addon resets all handlers when any one story re-renders (an autodocs page keeps
 * several mounted).
 */
export async function setUpStoryEmulator(context: StoryContext): Promise<() => void> {
  const parameters = readParameters(context)
  const main = await startEmulator(parameters)
  const cells = await Promise.all(
    Object.entries(parameters.matrix ?? {}).map(async ([name, cell]) => ({
      name,
      parameters: cell,
      ...(await startEmulator(cell)),
    })),
  )
  const mine = [main, ...cells]
  const others = [...live.values()]
  for (const entry of mine) {
    live.set(entry.story.origin, entry)
  }
  // As msw-storybook-addon does with `context.msw`: decorators and play functions read these back.
  context.emulator = main.story.emulator
  context.storyEmulator = main.story
  context.emulatorMatrix = cells.map(({ name, story, parameters: cell }) => ({
    name,
    story,
    parameters: cell,
  }))
  context.msw.use(...mine.flatMap((entry) => entry.handlers), ...others.flatMap((o) => o.handlers))
  return () => {
    for (const entry of mine) {
      live.delete(entry.story.origin)
      entry.story.queryClient.clear()
    }
  }
}
