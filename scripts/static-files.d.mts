import type { ServerResponse } from 'node:http'

/** Content types of the files these servers send. */
export const TYPES: Record<string, string>
/** clerk-js's browser build folder. */
export const clerkJsDist: string
/** `@clerk/ui`'s browser build folder. */
export const clerkUiDist: string
/** Sends `relative` from `base` with its content type, or 404 when it is missing or would leave `base`. */
export function sendFile(res: ServerResponse, base: string, relative: string): void
