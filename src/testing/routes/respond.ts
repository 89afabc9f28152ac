/**
 * The FAPI success envelope: the resource plus the caller's full, updated client (PROTOCOL §7.1–2).
 */
import type { Reply } from '../http'
import { clientJSON, type View } from '../serialize'
import type { ClientRecord } from '../types'

/** `{ response, client }` with status 200. */
export function wrapped(view: View, client: ClientRecord, response: unknown): Reply {
  return { status: 200, body: { response, client: clientJSON(view, client) } }
}

/** A bare JSON body with status 200 (list, environment, tokens, BAPI). */
export function bare(body: unknown): Reply {
  return { status: 200, body }
}
