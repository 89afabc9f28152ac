'use client'

import { type ReactNode, useContext, useMemo } from 'react'
import { enUS } from './en-us'
import { type Localization, type LocalizationOverrides, mergeLocalization } from './localization'
import { LocalizationContext } from './localization-context'

/**
 * Sets the language of the components below it: a full `Localization` (e.g. `deDE`), plus overrides.
 * `EmailAddressesProvider`'s `localization` prop does the same.
 *
 * @example
 * <LocalizationProvider localization={deDE} overrides={{ addEmailForm: { submit: 'Hinzufügen' } }}>
 *   <EmailAddressManager />
 * </LocalizationProvider>
 */
export function LocalizationProvider(props: {
  localization?: Localization
  overrides?: LocalizationOverrides
  children?: ReactNode
}) {
  const outer = useContext(LocalizationContext)
  const { localization, overrides } = props
  const chain = useMemo(
    () => [...outer, ...[localization, overrides].filter((entry) => entry !== undefined)],
    [outer, localization, overrides],
  )
  return <LocalizationContext.Provider value={chain}>{props.children}</LocalizationContext.Provider>
}

/**
 * The strings in effect: English, with every localization set above laid over it. For custom UIs
 * that should speak like the components.
 *
 * @example
 * const t = useLocalization()
 * <button onClick={remove}>{t.actions.remove}</button>
 */
export function useLocalization(): Localization {
  const chain = useContext(LocalizationContext)
  return useMemo(() => chain.reduce<Localization>(mergeLocalization, enUS), [chain])
}
