/**
 * The playground's pages for the Clerk specs. As Playwright's global setup, this module builds the
 * whole playground once (`buildPlayground`, the build `npm run demo --build` and the bench use too),
 * hands the folder to the workers in `PLAYGROUND_DIR`, and deletes it when the run ends. In a test,
 * `openPlayground` serves that folder on a free 127.0.0.1 port (clerk-js under `/clerk/`, Clerk's UI
 * under `/clerk-ui/`) and opens one page with its typed parameters (`playground/routes.mjs`).
 */
import type { Page } from '@playwright/test'
import { type PageParams, pageUrl } from '../../../playground/routes.mjs'
import {
  buildPlayground,
  type PlaygroundServer,
  startPlaygroundServer,
} from '../../../playground/server.mjs'
import type { PageGlobals } from '../../../playground/globals'

export default async function buildOnce(): Promise<() => Promise<void>> {
  const build = await buildPlayground()
  process.env.PLAYGROUND_DIR = build.dir
  return () => build.remove()
}

/**
 * Serves the built playground and opens `name` with `params`, then waits for the page's `ready`
 * (its clerk-js loaded, its UI mounted), and returns the server to close. Closes it itself if opening
 * fails.
 */
export async function openPlayground<P extends 'sides' | 'clerkJs' | 'userProfile'>(
  page: Page,
  name: P,
  params: PageParams[P],
): Promise<PlaygroundServer> {
  const dir = process.env.PLAYGROUND_DIR
  if (!dir) {
    throw new Error('PLAYGROUND_DIR is unset: run with -c test/clerk/playwright.config.ts')
  }
  const server = await startPlaygroundServer({ dir })
  try {
    await page.goto(pageUrl(server.url, name, params))
    await page.evaluate(() => (window as unknown as PageGlobals).ready)
  } catch (error) {
    await server.close()
    throw error
  }
  return server
}
