import type { EmulatorOptions, EmulatorSeed, FapiEmulator } from '../src/testing/index'
import type { EmulatorServerOptions, EmulatorServer } from '../src/testing/node'
import type { PageName } from './routes.mjs'

/** Every server of the playground listens here only. */
export const HOST: '127.0.0.1'

/** The signed-in user the demo starts with (Jane, one verified primary address; links on). */
export const DEMO_SEED: EmulatorSeed

/** What the pages are built or served with. */
export interface PlaygroundConfig {
  /** The emulator the settings and Clerk-mode pages talk to; '' (the default): none, they say so. */
  emulatorUrl?: string
  /** A real Clerk instance's publishable key for Clerk mode; '' (the default): the emulator. */
  clerkPublishableKey?: string
  /** React's profiling build (`react-dom/profiling`): production React that still reports commits. */
  profiling?: boolean
}

/** Options of `buildPlayground`. */
export interface BuildOptions extends PlaygroundConfig {
  /** The pages to build; all by default. */
  pages?: PageName[]
  /** Where to write; by default a fresh folder under `node_modules/.cache`. */
  outDir?: string
}

/** A production build of the playground. */
export interface PlaygroundBuild {
  /** The folder to serve with `startPlaygroundServer({ dir })`. */
  dir: string
  pages: PageName[]
  /** Deletes the folder. */
  remove(): Promise<void>
}

/**
 * Builds the playground's pages for production into a folder.
 * @example const build = await buildPlayground({ pages: ['sides', 'clerkJs'] })
 */
export function buildPlayground(options?: BuildOptions): Promise<PlaygroundBuild>

/** Serve a built folder, or run Vite's dev server over the sources. */
export type PlaygroundServerOptions = { port?: number } & (
  { dir: string; dev?: false } | ({ dev: true } & PlaygroundConfig)
)

/** A running playground server. */
export interface PlaygroundServer {
  /** `http://127.0.0.1:<port>`, for `pageUrl`. */
  url: string
  port: number
  close(): Promise<void>
}

/**
 * Serves the playground on 127.0.0.1 (port 0, the default, picks a free port), with clerk-js under
 * `/clerk/` and Clerk's prebuilt UI under `/clerk-ui/`.
 * @example const server = await startPlaygroundServer({ dir: build.dir })
 */
export function startPlaygroundServer(options: PlaygroundServerOptions): Promise<PlaygroundServer>

/** The Clerk publishable key for Clerk mode from `VITE_CLERK_PUBLISHABLE_KEY`; refuses anything else. */
export function clerkPublishableKeyFromEnv(env?: Record<string, string | undefined>): string

/** The emulator built from `src/testing` (always the current source). */
export function loadEmulator(): Promise<{
  createFapiEmulator: (options?: EmulatorOptions) => FapiEmulator
  startEmulatorServer: (options?: EmulatorServerOptions) => Promise<EmulatorServer>
}>

/** Options of `startDemo`. */
export interface DemoOptions {
  /** The pages' port (default 5173; 0 picks a free one). */
  port?: number
  /** The emulator's port (default 4010; 0 picks a free one). */
  emulatorPort?: number
  seed?: EmulatorSeed
  /** A production build instead of Vite's dev server. */
  build?: boolean
}

/** The running demo. */
export interface Demo {
  /** The settings page. */
  url: string
  emulatorUrl: string
  inboxUrl: string
  emulator: FapiEmulator
  close(): Promise<void>
}

/**
 * Starts the emulator and the playground on two 127.0.0.1 origins.
 * @example const demo = await startDemo({ port: 0, emulatorPort: 0, build: true })
 */
export function startDemo(options?: DemoOptions): Promise<Demo>
