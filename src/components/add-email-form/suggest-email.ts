/**
 * Catches a mistyped common domain ("gmail.con", "gmial.com", "hotmail.co") before the user commits
 * to it: a suggestion, never an automatic change.
 */
const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'msn.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'yahoo.co.uk',
  'hotmail.co.uk',
  'mail.com',
]

/**
 * The address with its domain corrected, or `null` when the domain is fine or not close to a common one.
 *
 * @example
 * suggestEmailFix('jane@gmail.con') // 'jane@gmail.com'
 */
export function suggestEmailFix(email: string): string | null {
  const at = email.lastIndexOf('@')
  if (at < 1) {
    return null
  }
  const domain = email.slice(at + 1).toLowerCase()
  if (domain.length < 4 || COMMON_DOMAINS.includes(domain)) {
    return null
  }
  let best: { domain: string; distance: number } | null = null
  for (const candidate of COMMON_DOMAINS) {
    const distance = editDistance(domain, candidate)
    if (distance <= 2 && (!best || distance < best.distance)) {
      best = { domain: candidate, distance }
    }
  }
  return best ? `${email.slice(0, at)}@${best.domain}` : null
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1)
      }
      const row = rows[i]
      if (row) {
        row[j] = value
      }
    }
  }
  return at(a.length, b.length)
}
