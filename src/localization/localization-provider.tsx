'use client'

import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { enUS } from './en-us'
import { type Localization, type LocalizationOverrides, mergeLocalization } from './localization'

const LocalizationContext = createContext<Localization>(enUS)

/**
 * Sets the language of the components below it: a full `Localization` (e.g. `deDE`), plus overrides.
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
  const value = useMemo(
    () => mergeLocalization(localization ?? outer, overrides),
    [localization, overrides, outer],
  )
  return <LocalizationContext.Provider value={value}>{props.children}</LocalizationContext.Provider>
}

/** The strings in effect. */
export function useLocalization(): Localization {
  return useContext(LocalizationContext)
}
