import { type enUS } from './en-us'

/** Every string the components show, with the shape of the English default. */
export type Localization = typeof enUS

/** Any subset of `Localization`, to override a few strings. */
export type LocalizationOverrides = {
  [K in keyof Localization]?: Localization[K] extends string ? string : Partial<Localization[K]>
}

/**
 * `base` with `overrides` laid over it, one level deep (each group merged key by key).
 *
 * @example
 * mergeLocalization(enUS, { addEmailForm: { submit: 'Add' } })
 */
export function mergeLocalization(
  base: Localization,
  overrides?: LocalizationOverrides,
): Localization {
  if (!overrides) {
    return base
  }
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key]
    merged[key] =
      typeof value === 'object' && value !== null && typeof current === 'object' && current !== null
        ? { ...current, ...value }
        : value
  }
  return merged as Localization
}

/**
 * The localized message for a FAPI error: `<code>__<param>` first, then `<code>`, then the default.
 * Never the server's English, which is not localized.
 *
 * @example
 * const t = useLocalization()
 * const remove = useDeleteEmailAddress({ onError: (error) => toast(errorMessage(t, error)) })
 */
export function errorMessage(
  localization: Localization,
  error: { code: string; meta?: { paramName?: string } } | null | undefined,
): string | null {
  if (!error) {
    return null
  }
  const { errors } = localization
  const param = error.meta?.paramName
  return (param && errors[`${error.code}__${param}`]) || errors[error.code] || errors.default
}
