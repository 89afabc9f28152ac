/// <reference types="vite/client" />
import type { Decorator, Preview } from '@storybook/react-vite'
import { deDE } from '../src/localization/de-de'
import { enUS } from '../src/localization/en-us'
import { LocalizationProvider } from '../src/localization/localization-provider'
// Inlined, so the toolbar can switch the optional theme off and show the components unstyled.
import themeCss from '../src/styles/styles.css?inline'
import { setUpStoryEmulator } from './emulator'
import { withEmulator } from './emulator-decorator'

const locales = { 'en-US': enUS, 'de-DE': deDE }

/** The toolbar's locale, text direction and theme, applied around the story (inside the provider). */
const withLocale: Decorator = (Story, { globals }) => {
  const locale: unknown = globals.locale
  const localization = locale === 'de-DE' ? locales['de-DE'] : locales['en-US']
  const dir = globals.direction === 'rtl' ? 'rtl' : 'ltr'
  return (
    <LocalizationProvider localization={localization}>
      {globals.theme !== 'unstyled' && <style>{themeCss}</style>}
      <div dir={dir} lang={localization.locale}>
        <Story />
      </div>
    </LocalizationProvider>
  )
}

const preview: Preview = {
  // Runs after msw-storybook-addon's own beforeEach, which sets `context.msw`.
  beforeEach: (context) => setUpStoryEmulator(context),
  // Decorators listed first sit innermost: the locale wrapper is inside the emulator's provider.
  decorators: [withLocale, withEmulator],
  parameters: {
    // Any accessibility violation fails the story (in the browser panel and in `vitest --project storybook`).
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
  },
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English' },
          { value: 'de-DE', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The optional default theme (react-email-addresses/styles.css)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'styled', title: 'Default theme (styles.css)' },
          { value: 'unstyled', title: 'Unstyled' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en-US', direction: 'ltr', theme: 'styled' },
}

export default preview
