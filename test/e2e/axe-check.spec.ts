/**
 * The axe-core check the other specs rely on can fail (a test that cannot fail proves nothing), and
 * the dark theme passes it too.
 */
import { checkpoint, demoPage, expect, expectNoAxeViolations, tabTo, test } from './support'

test('the axe check reports a violation when there is one', async ({ page, demoUrl }) => {
  await page.goto(demoUrl)
  await expect(demoPage(page).rows).toHaveCount(1)
  await page.evaluate(() => {
    const img = document.createElement('img')
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
    document.querySelector('main')?.append(img)
  })
  await expect(expectNoAxeViolations(page, 'image without alt')).rejects.toThrow(/image-alt/)
})

test('in the dark theme, the list and the code step have no violations', async ({
  page,
  demoUrl,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const ui = demoPage(page)
  await page.goto(demoUrl)
  await expect(ui.rows).toHaveCount(1)
  await checkpoint(page, 'dark-list')
  await tabTo(page, ui.addButton)
  await page.keyboard.press('Enter')
  await page.keyboard.type('jane.dark@example.com')
  await page.keyboard.press('Enter')
  await expect(ui.codeInput).toBeFocused()
  await checkpoint(page, 'dark-code-step')
})
