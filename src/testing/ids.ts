/**
 * Random ids, codes and tokens. Uses Web Crypto so the emulator runs in Node and in browsers (msw).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function randomString(length: number, alphabet: string): string {
  const bytes = new Uint8Array(length)
  crypto.getRandomValues(bytes)
  let out = ''
  for (const byte of bytes) {
    // A slight modulo bias is harmless: these ids and codes only need to be unique, not secret.
    out += alphabet[byte % alphabet.length]
  }
  return out
}

/**
 * A Clerk-style id: the prefix, `_`, then 27 base62 characters (KSUID-like, PROTOCOL §3.1).
 * @example newId('idn') // 'idn_2hQ7mZk1VbX9yTq3LcN8rWp4sJd'
 */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(27, BASE62)}`
}

/** A numeric one-time code of `length` digits. */
export function newCode(length: number): string {
  return randomString(length, '0123456789')
}

/** An opaque token for dev browsers and email links (URL-safe). */
export function newToken(): string {
  return randomString(40, BASE62)
}

/** A 32-hex-digit trace id, like `clerk_trace_id`. */
export function newTraceId(): string {
  return randomString(32, '0123456789abcdef')
}
