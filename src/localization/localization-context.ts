import { createContext } from 'react'
import type { LocalizationOverrides } from './localization'

/**
 * The localizations set above a component, outermost first. Kept apart from the English strings so
 * the hooks' provider can pass `localization` down without bundling any text itself.
 */
export const LocalizationContext = createContext<readonly LocalizationOverrides[]>([])
