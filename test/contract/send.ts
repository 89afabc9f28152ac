/**
 * Sends one clerk-js-style request over HTTP and checks the answer: its status, its shape against the
 * contract's schemas, and (with an `Origin`) the CORS header every answer needs (PROTOCOL §1.11).
 */
import { expect } from 'vitest'
import { type ClerkJsCall, type ClerkJsIdentity, clerkJsRequest } from './clerk-js-requests'
import { type ShapeName, violations } from './schemas'

/** A parsed JSON body. */
export type Body = Record<string, unknown>

/**
 * Sends `call` as `identity`, expects `status` and `shape`, and returns the body and headers.
 * @example const { body } = await sendChecked(identity, { method: 'GET', path: '/me' }, 'ClientWrappedUser')
 */
export async function sendChecked(
  identity: ClerkJsIdentity,
  call: ClerkJsCall,
  shape: ShapeName,
  status = 200,
): Promise<{ body: Body; headers: Headers }> {
  const response = await fetch(clerkJsRequest(identity, call), { redirect: 'manual' })
  const body = (await response.json()) as Body
  expect(response.status, JSON.stringify(body)).toBe(status)
  expect(violations(shape, body), `${call.method} ${call.path} as ${shape}`).toBe('')
  if (identity.origin) {
    expect(response.headers.get('access-control-allow-origin')).toBe(identity.origin)
  }
  return { body, headers: response.headers }
}
