/**
 * The Vite + React app built from the packed tarball (`tsc` strict, `vite build`, served by
 * `vite preview`), against the emulator CLI of the installed package: once on React 19, once on
 * React 18.3 (the oldest the peer range allows, with its own types), the same source.
 */
import { env, expect, expectThemeColours, keyboardLifecycle, settings, test } from './support'

for (const [react, url] of [
  ['React 19', 'VITE_APP_URL'],
  ['React 18.3', 'VITE_REACT18_APP_URL'],
] as const) {
  test(`the README guide in a Vite app on ${react}: the whole lifecycle by keyboard`, async ({
    page,
    emulator,
  }) => {
    await page.goto(env(url))
    await expect(page.getByRole('heading', { name: 'Account settings' })).toBeVisible()
    await expect(settings(page).rows).toHaveCount(1)
    // The app's `import 'react-email-addresses/styles.css'` reached the page.
    await expectThemeColours(page)
    await keyboardLifecycle(page, emulator)
  })
}
