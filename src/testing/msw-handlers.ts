/**
 * msw 2 handlers that forward FAPI, BAPI and control requests to an emulator, for `msw/node`
 * (Vitest, jsdom) and `msw/browser` (Storybook). Any origin: a publishable key's host, a proxy URL
 * or `api.clerk.com` all reach the same emulator.
 */
import { HttpResponse, http, type RequestHandler } from 'msw'
import type { FapiEmulator } from './emulator'
import { DroppedConnectionError } from './faults'

// Only the emulator's own route families, so an app's other `/v1/...` calls pass through untouched.
const EMULATED_PATH =
  /\/(?:v1\/(?:me|client|environment|dev_browser|verify|email_addresses|users)(?:[/?]|$)|__emulator\/)/

/** Options of `createEmulatorHandlers`. */
export interface EmulatorHandlerOptions {
  /** Only intercept this origin (e.g. `https://foo-bar-13.clerk.accounts.dev`). Default: any. */
  origin?: string
}

/**
 * The msw handlers for an emulator.
 * @example
 * const emulator = createFapiEmulator()
 * const server = setupServer(...createEmulatorHandlers(emulator))
 */
export function createEmulatorHandlers(
  emulator: FapiEmulator,
  options: EmulatorHandlerOptions = {},
): RequestHandler[] {
  const wanted = options.origin ? new URL(options.origin).origin : null
  const predicate = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    return (wanted === null || url.origin === wanted) && EMULATED_PATH.test(url.pathname)
  }
  return [
    http.all(predicate, async ({ request }) => {
      try {
        return await emulator.fetch(request)
      } catch (error) {
        if (error instanceof DroppedConnectionError) {
          return HttpResponse.error()
        }
        throw error
      }
    }),
  ]
}
