/**
 * The demo's Clerk mode (`/clerk.html`, no `VITE_CLERK_PUBLISHABLE_KEY`): the real clerk-js, loaded
 * from the page's origin, runs against the emulator through `proxyUrl`, with `EmailAddressManager`
 * on `ClerkEmailAddressesProvider` beside clerk-js's own `useUser()` list and Clerk's own prebuilt
 * `<UserProfile/>`. Every change made on one side must show on the others; sign-out goes through
 * clerk-js. Keyboard only, axe at each checkpoint.
 */
import type { LoadedClerk } from '@clerk/react/types'
import type { Page } from '@playwright/test'
import { pageUrl } from '../../playground/routes.mjs'
import { checkpoint, demoPage, expect, tabTo, test } from './support'

const NEW = 'jane.clerk@example.com'
const FROM_CLERK = 'jane.js@example.com'

/** clerk-js treats `navigator.webdriver === true` as an invalid browser and hides its failures. */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })
  })
})

/** clerk-js's side of the page: `useUser().user.emailAddresses`, one `email · flags` line each. */
const clerkList = (page: Page) => page.getByTestId('clerk-user').getByRole('listitem')

/**
 * Clerk's own `<UserProfile/>` on the same clerk-js: its email section lists exactly `expected`
 * (address, then Clerk's badges: "Primary", "Unverified"), in its order.
 */
async function expectProfile(page: Page, expected: string[]) {
  const rows = page
    .locator('.cl-profileSection__emailAddresses')
    .locator('.cl-profileSectionItem__emailAddresses')
  await expect(rows).toHaveText(expected)
}

test('each page links to the other', async ({ page, demoUrl }) => {
  await page.goto(demoUrl)
  await tabTo(page, page.getByRole('link', { name: 'Clerk mode' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(pageUrl(demoUrl, 'clerk'))
  await expect(clerkList(page)).toHaveText(['jane@example.com · primary · verified'])
  await tabTo(page, page.getByRole('link', { name: 'Our provider' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(pageUrl(demoUrl, 'settings'))
  await expect(demoPage(page).rows).toHaveCount(1)
})

test('clerk-js and our hooks stay in step through the whole lifecycle, then sign out', async ({
  page,
  emulator,
  demoUrl,
}) => {
  const ui = demoPage(page)
  await page.goto(pageUrl(demoUrl, 'clerk'))
  // Signed in as Jane on both sides: clerk-js's dev browser joined the emulator's seeded client.
  await expect(clerkList(page)).toHaveText(['jane@example.com · primary · verified'])
  await expect(ui.rows).toHaveCount(1)
  await expect(ui.badges('jane@example.com')).toHaveText(['Primary', 'Verified'])
  await expectProfile(page, ['jane@example.comPrimary'])
  await checkpoint(page, 'clerk-list')

  // 1. Add through EmailAddressManager: clerk-js holds the new, unverified address at once.
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await expect(ui.emailInput).toBeFocused()
  await page.keyboard.type(NEW)
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
  await expect(ui.badges(NEW)).toHaveText(['Unverified'])
  await expect(clerkList(page)).toHaveText([
    'jane@example.com · primary · verified',
    `${NEW} · not verified`,
  ])
  await expectProfile(page, ['jane@example.comPrimary', `${NEW}Unverified`])
  await checkpoint(page, 'clerk-code-sent')

  // 2. The code from the emulator's outbox verifies it, on both sides.
  await page.keyboard.type(await emulator.code(NEW))
  await expect(ui.manager.getByRole('button', { name: 'Done' })).toBeFocused()
  await expect(ui.badges(NEW)).toHaveText(['Verified'])
  await expect(clerkList(page)).toHaveText([
    'jane@example.com · primary · verified',
    `${NEW} · verified`,
  ])
  await expectProfile(page, ['jane@example.comPrimary', NEW])
  await checkpoint(page, 'clerk-verified')
  await page.keyboard.press('Enter')
  await expect(ui.addButton).toBeFocused()

  // 3. Make it primary.
  await tabTo(page, ui.row(NEW).getByRole('button', { name: 'Make primary' }))
  await page.keyboard.press('Enter')
  await expect(ui.badges(NEW)).toHaveText(['Primary', 'Verified'])
  await expect(clerkList(page)).toHaveText([
    'jane@example.com · verified',
    `${NEW} · primary · verified`,
  ])
  await expectProfile(page, [`${NEW}Primary`, 'jane@example.com'])
  await checkpoint(page, 'clerk-made-primary')

  // 4. Remove the old address (the button, then its confirmation).
  await tabTo(page, ui.row('jane@example.com').getByRole('button', { name: 'Remove' }))
  await page.keyboard.press('Enter')
  const confirm = ui.row('jane@example.com').getByRole('group', { name: 'Remove' })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(confirm.getByRole('button', { name: 'Remove' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(ui.rows).toHaveCount(1)
  await expect(clerkList(page)).toHaveText([`${NEW} · primary · verified`])
  await expectProfile(page, [`${NEW}Primary`])
  await checkpoint(page, 'clerk-removed')

  // 5. The other direction: a change made through clerk-js's own resource shows in our list.
  await page.evaluate(async (email) => {
    const { Clerk } = window as unknown as { Clerk: LoadedClerk }
    await Clerk.user?.createEmailAddress({ email })
  }, FROM_CLERK)
  await expect(ui.badges(FROM_CLERK)).toHaveText(['Unverified'])
  await expect(ui.rows).toHaveCount(2)
  await expect(clerkList(page)).toHaveText([
    `${NEW} · primary · verified`,
    `${FROM_CLERK} · not verified`,
  ])
  expect((await emulator.email(FROM_CLERK)).verification).toBeNull()
  await expectProfile(page, [`${NEW}Primary`, `${FROM_CLERK}Unverified`])
  await checkpoint(page, 'clerk-js-created')

  // 6. Sign out through clerk-js: the signed-out screen, with focus on its heading.
  await tabTo(page, page.getByRole('button', { name: 'Sign out' }))
  await page.keyboard.press('Enter')
  const signedOut = page.getByTestId('clerk-signed-out')
  await expect(signedOut.getByRole('heading', { name: 'You are signed out' })).toBeFocused()
  await expect(ui.manager).toHaveCount(0)
  await expect(page.getByTestId('clerk-user')).toHaveCount(0)
  expect((await emulator.state()).session_id).toBeNull()
  await checkpoint(page, 'clerk-signed-out')

  // 7. Signing in again (an emulator session, activated by clerk-js) shows the account as left.
  await tabTo(page, signedOut.getByRole('button', { name: 'Sign in again as Jane (emulator)' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Drop-in component (our cache)' })).toBeFocused()
  await expect(clerkList(page)).toHaveText([
    `${NEW} · primary · verified`,
    `${FROM_CLERK} · not verified`,
  ])
  await expect(ui.badges(NEW)).toHaveText(['Primary', 'Verified'])
  await expect(ui.badges(FROM_CLERK)).toHaveText(['Unverified'])
  await checkpoint(page, 'clerk-signed-in-again')

  // Both pages share the emulator's one client: the plain page finds the same signed-in account.
  await tabTo(page, page.getByRole('link', { name: 'Our provider' }))
  await page.keyboard.press('Enter')
  await expect(ui.headless.getByRole('listitem')).toHaveText([
    `${NEW} · primary · verified Remove`,
    `${FROM_CLERK} · not verified Remove`,
  ])
})
