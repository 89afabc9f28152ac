/**
 * Internationalised domain names: people read `jane@bücher.de`, mail servers and Clerk store
 * `jane@xn--bcher-kva.de`. Addresses are sent in ASCII and shown in Unicode.
 */

/** The address with its domain in ASCII (punycode), as it is sent; unchanged when it is not valid. */
export function toAsciiEmail(address: string): string {
  const at = address.lastIndexOf('@')
  const domain = address.slice(at + 1)
  if (at < 0 || /^\p{ASCII}*$/u.test(domain)) {
    return address
  }
  try {
    return `${address.slice(0, at)}@${new URL(`http://${domain}`).hostname}`
  } catch {
    return address
  }
}

/** The address with its domain's `xn--` labels shown in Unicode, as people read it. */
export function toUnicodeEmail(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 0 || !address.includes('xn--', at)) {
    return address
  }
  const labels = address.slice(at + 1).split('.')
  return `${address.slice(0, at)}@${labels.map(decodeLabel).join('.')}`
}

/** One `xn--` label decoded (RFC 3492), or the label itself if it is not valid punycode. */
function decodeLabel(label: string): string {
  if (!label.toLowerCase().startsWith('xn--')) {
    return label
  }
  const input = label.slice(4).toLowerCase()
  const split = input.lastIndexOf('-')
  const output = split > 0 ? [...input.slice(0, split)].map((char) => char.codePointAt(0) ?? 0) : []
  let n = 128
  let bias = 72
  let i = 0
  for (let pos = split > 0 ? split + 1 : 0; pos < input.length;) {
    const old = i
    for (let w = 1, k = 36; ; k += 36) {
      const char = input.charCodeAt(pos++)
      const digit = char - 48 < 10 ? char - 22 : char - 97 < 26 ? char - 97 : 36
      if (digit >= 36 || Number.isNaN(char)) {
        return label
      }
      i += digit * w
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias
      if (digit < t) {
        break
      }
      w *= 36 - t
    }
    const length = output.length + 1
    let delta = old === 0 ? Math.floor((i - old) / 700) : (i - old) >> 1
    delta += Math.floor(delta / length)
    let k = 0
    for (; delta > 455; k += 36) {
      delta = Math.floor(delta / 35)
    }
    bias = Math.floor(k + (36 * delta) / (delta + 38))
    n += Math.floor(i / length)
    i %= length
    if (n > 0x10ffff) {
      return label
    }
    output.splice(i++, 0, n)
  }
  return String.fromCodePoint(...output)
}
