import * as z from 'zod/mini'
import { toAsciiEmail } from '../../localization/idn'
import type { Localization } from '../../localization/localization'

/**
 * What the add form accepts and sends: a trimmed address, its domain in ASCII (`bücher.de` goes as
 * `xn--bcher-kva.de`), in a valid format, within the limits mail servers and Clerk keep (RFC 5321: a
 * local part of at most 64 octets, domain labels of at most 63, the whole address at most 254).
 */
export function emailAddressSchema(t: Localization) {
  return z.object({
    emailAddress: z.pipe(
      z.pipe(
        z.string().check(z.trim(), z.minLength(1, { error: t.addEmailForm.required })),
        z.transform(toAsciiEmail),
      ),
      z
        .string()
        .check(
          z.refine(withinLimits, { error: t.addEmailForm.tooLong }),
          z.email({ error: t.addEmailForm.invalid }),
        ),
    ),
  })
}

function withinLimits(address: string): boolean {
  const at = address.lastIndexOf('@')
  const octets = (text: string) => new TextEncoder().encode(text).length
  return (
    octets(address) <= 254 &&
    (at < 0 || octets(address.slice(0, at)) <= 64) &&
    address
      .slice(at + 1)
      .split('.')
      .every((label) => octets(label) <= 63)
  )
}
