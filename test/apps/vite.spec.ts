/**
 * The Vite + React 19 app built from the packed tarball (`tsc` strict, `vite build`, served by
 * `vite preview`), against the emulator CLI of the installed package.
 */
import { env, expect, expectThemeColours, keyboardLifecycle, settings, test } from './support'

test('the README guide in a Vite app: the whole lifecycle by keyboard', async ({
  page,
  emulator,
}) => {
  await page.goto(env('VITE_APP_URL'))
  await expect(page.getByRole('heading', { name: 'Account settings' })).toBeVisible()
  await expect(settings(page).rows).toHaveCount(1)
  // The app's `import 'react-email-addresses/styles.css'` reached the page.
  await expectThemeColours(page)
  await keyboardLifecycle(page, emulator)
})
