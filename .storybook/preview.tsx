/// <reference types="vite/client" />
import type { Decorator, Preview } from '@storybook/react-vite'
import { createPreviewAnnotations } from 'msw-storybook-addon/preview'
import type { CSSProperties } from 'react'
import { deDE } from '../src/localization/de-de'
import { enUS } from '../src/localization/en-us'
import { LocalizationProvider } from '../src/localization/localization-provider'
// Inlined, so the toolbar can switch the optional theme off and show the components unstyled.
import themeCss from '../src/styles/styles.css?inline'
import { setUpStoryEmulator } from './emulator'
import { withEmulator } from './emulator-decorator'
import { startMockWorker } from './msw'

const locales = { 'en-US': enUS, 'de-DE': deDE }

/**
 * A forced scheme paints its own page in the theme's page colours (what an app's dark page would
 * be), with room around the story so nothing touches its edge.
 */
function forcedScheme(scheme: 'light' | 'dark'): CSSProperties {
  const dark = scheme === 'dark'
  return {
    colorScheme: scheme,
    background: dark ? 'var(--rea-bg, #111827)' : 'var(--rea-bg, #ffffff)',
    color: dark ? 'var(--rea-fg, #f9fafb)' : 'var(--rea-fg, #111827)',
    padding: '1.5rem',
    borderRadius: 8,
  }
}

/**
 * The toolbar's locale, text direction, theme and color scheme, around everything the story shows
 * (the emulator's provider, the inbox and the step-up dialog included). The theme's `<style>` carries
 * `data-rea-theme`, so a play function can switch it off and on.
 */
const withFrame: Decorator = (Story, { globals }) => {
  const locale: unknown = globals.locale
  const localization = locale === 'de-DE' ? locales['de-DE'] : locales['en-US']
  const dir = globals.direction === 'rtl' ? 'rtl' : 'ltr'
  const scheme =
    globals.scheme === 'light' || globals.scheme === 'dark' ? globals.scheme : undefined
  return (
    <LocalizationProvider localization={localization}>
      {globals.theme !== 'unstyled' && <style data-rea-theme="">{themeCss}</style>}
      <div
        dir={dir}
        lang={localization.locale}
        data-theme={scheme}
        style={scheme ? forcedScheme(scheme) : undefined}
      >
        <Story />
      </div>
    </LocalizationProvider>
  )
}

// msw-storybook-addon's `beforeEach` (it sets `context.msw`), with our start of the worker.
const msw = createPreviewAnnotations(startMockWorker)

const preview: Preview = {
  // The worker is ready and this story's handlers are in before the story renders.
  beforeEach: [...[msw.beforeEach ?? []].flat(), setUpStoryEmulator],
  // Decorators listed first sit innermost: the frame (locale, direction, theme) is outermost, so a
  // matrix cell's provider can lay its own strings over the locale's.
  decorators: [withEmulator, withFrame],
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
    scheme: {
      description: 'Light or dark: as the system prefers, or forced with data-theme on an ancestor',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'system', title: 'As the system prefers' },
          { value: 'light', title: 'Light (data-theme="light")' },
          { value: 'dark', title: 'Dark (data-theme="dark")' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en-US', direction: 'ltr', theme: 'styled', scheme: 'system' },
}

export default preview
