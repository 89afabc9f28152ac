/**
 * What the consumer-app specs share. `scripts/test-apps.mjs` installs the packed tarball into the
 * apps, builds and starts them and the emulator (from the installed package), then runs these specs
 * with the URLs in the environment. The emulator fixture, the console watch (any console error or
 * uncaught exception fails a test, React's hydration errors included) and `tabTo` are the e2e suite's.
 */
import type { Page } from '@playwright/test'
import { type Emulator, expect, tabTo, test } from '../e2e/support'

export { expect, test }

/** A URL the runner put in the environment. */
export function env(
  name: 'VITE_APP_URL' | 'VITE_REACT18_APP_URL' | 'NEXT_APP_URL' | 'EMULATOR_URL',
): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set: run these specs with \`node scripts/test-apps.mjs\`.`)
  }
  return value
}

/** The theme's default colours as the browser computes them (`rgb(…)`), per scheme. */
const THEME_COLOURS = {
  light: {
    rowBorder: 'rgb(209, 213, 219)',
    primaryBackground: 'rgb(29, 78, 216)',
    codeBoxBorder: 'rgb(209, 213, 219)',
  },
  dark: {
    rowBorder: 'rgb(75, 85, 99)',
    primaryBackground: 'rgb(147, 197, 253)',
    codeBoxBorder: 'rgb(75, 85, 99)',
  },
} as const

type ThemeColours = Record<keyof (typeof THEME_COLOURS)['light'], string>

/**
 * In the page: the computed colours of a list row (the first real one), a primary button and a code
 * box. The button and the box are probes added inside the real section for the reading (so the
 * app's own `--rea-*` and `data-theme` apply as they would) and removed at once. A production build
 * that drops the theme's colours (an invalid variable, a lowered `light-dark()`) computes
 * transparent or black here.
 */
function readThemeColours(): ThemeColours {
  const row = document.querySelector('[data-slot="rea-email-list-item"]')
  const section = document.querySelector('[data-slot="rea-email-address-manager"]')
  if (!row || !section) {
    throw new Error('no email list row and manager section on the page to read the theme from')
  }
  const probe = document.createElement('div')
  probe.setAttribute('aria-hidden', 'true')
  probe.style.cssText = 'position:absolute;inset-inline-start:-10000px'
  probe.innerHTML =
    '<button type="button" data-slot="rea-button" data-variant="primary">Add</button>' +
    '<div data-slot="rea-code-field"><span data-slot="rea-code-field-slot">1</span></div>'
  section.append(probe)
  try {
    const style = (selector: string) => getComputedStyle(probe.querySelector(selector)!)
    return {
      rowBorder: getComputedStyle(row).borderTopColor,
      primaryBackground: style('[data-slot="rea-button"]').backgroundColor,
      codeBoxBorder: style('[data-slot="rea-code-field-slot"]').borderTopColor,
    }
  } finally {
    probe.remove()
  }
}

/**
 * The theme reached the page and computes its real colours: a row's border, the primary button's
 * fill and a code box's border, in light and (with `prefers-color-scheme: dark` emulated) in dark.
 * Leaves the page in light again.
 */
export async function expectThemeColours(page: Page): Promise<void> {
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await page.evaluate(readThemeColours), `the theme's ${scheme} colours`).toEqual(
        THEME_COLOURS[scheme],
      )
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' })
  }
}

/** The section and its rows, found by role and label, as a screen reader user meets them. */
export function settings(page: Page) {
  const list = page.getByRole('region', { name: 'Email addresses' })
  const row = (address: string) => list.getByRole('listitem').filter({ hasText: address })
  return {
    list,
    rows: list.getByRole('listitem'),
    row,
    badge: (address: string, name: string) => row(address).getByText(name, { exact: true }),
  }
}

/**
 * The whole lifecycle with the keyboard alone: add an address, type the code the emulator "sent",
 * make it primary, remove the old one; after each step, what the page and the emulator show.
 */
export async function keyboardLifecycle(page: Page, emulator: Emulator): Promise<void> {
  const ui = settings(page)
  const work = 'jane.work@example.com'
  await expect(ui.rows).toHaveCount(1)
  await expect(ui.badge('jane@example.com', 'Primary')).toBeVisible()

  await tabTo(page, page.getByRole('button', { name: 'Add an email address' }))
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Email address', { exact: true })).toBeFocused()
  await page.keyboard.type(work)
  await page.keyboard.press('Enter')

  await expect(page.getByLabel('Verification code')).toBeFocused()
  await expect(ui.badge(work, 'Unverified')).toBeVisible()
  await page.keyboard.type(await emulator.code(work))
  const done = page.getByRole('button', { name: 'Done' })
  await expect(done).toBeFocused()
  await expect(ui.badge(work, 'Verified')).toBeVisible()
  expect((await emulator.email(work)).verification?.status).toBe('verified')
  await page.keyboard.press('Enter')

  await tabTo(page, ui.row(work).getByRole('button', { name: 'Make primary' }))
  await page.keyboard.press('Enter')
  await expect(ui.badge(work, 'Primary')).toBeVisible()
  await expect(ui.badge('jane@example.com', 'Primary')).toHaveCount(0)
  await expect
    .poll(async () => (await emulator.me()).primary_email_address_id)
    .toBe((await emulator.email(work)).id)

  await tabTo(page, ui.row('jane@example.com').getByRole('button', { name: 'Remove' }))
  await page.keyboard.press('Enter')
  const confirm = ui.row('jane@example.com').getByRole('group', { name: 'Remove' })
  await tabTo(page, confirm.getByRole('button', { name: 'Remove' }))
  await page.keyboard.press('Enter')
  await expect(ui.rows).toHaveCount(1)
  await expect
    .poll(async () => (await emulator.me()).email_addresses.map((e) => e.email_address))
    .toEqual([work])
}
