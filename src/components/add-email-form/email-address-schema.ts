import * as z from 'zod/mini'
import type { Localization } from '../../localization/localization'

/**
 * What the add form accepts: a trimmed address in a valid format, within the limits mail servers
 * and Clerk keep (RFC 5321: a local part of at most 64 octets, domain labels of at most 63, the
 * whole address at most 254).
 */
export function emailAddressSchema(t: Localization) {
  return z.object({
    emailAddress: z.pipe(
      z.string().check(z.trim(), z.minLength(1, { error: t.addEmailForm.required })),
      z.email({ error: t.addEmailForm.invalid }),
    ),
  })
}
