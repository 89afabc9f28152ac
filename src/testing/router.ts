/**
 * A tiny router: routes are a method plus a path template whose `:name` segments become params.
 */
import type { Ctx, Reply } from './http'

/** A route handler: synchronous, because the emulator's state is in memory. */
export type Handler = (ctx: Ctx, params: string[]) => Reply

/** One route of the table. */
export interface Route {
  method: string
  pattern: RegExp
  handler: Handler
}

/**
 * Declares a route; `:id` matches one path segment.
 * @example route('GET', '/v1/me/email_addresses/:id', (ctx, [id]) => ({ status: 200, body: id }))
 */
export function route(method: string, template: string, handler: Handler): Route {
  const source = template
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return { method, pattern: new RegExp(`^${source}$`), handler }
}

/** The result of matching a path: the route, or whether any route knows the path (405 vs 404). */
export type Match = { route: Route; params: string[] } | { route: null; pathKnown: boolean }

// A malformed escape (`%E0%A4%A`) stays as sent: no record has such an id, so the route answers 404.
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** Finds the route for a logical method and a normalised path. */
export function match(routes: Route[], method: string, path: string): Match {
  let pathKnown = false
  for (const candidate of routes) {
    const found = candidate.pattern.exec(path)
    if (!found) {
      continue
    }
    pathKnown = true
    if (candidate.method === method) {
      return { route: candidate, params: found.slice(1).map(decodeParam) }
    }
  }
  return { route: null, pathKnown }
}
