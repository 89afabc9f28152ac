import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { emulatorParameters } from '../../.storybook/emulator'
import { threeAddresses } from '../../.storybook/fixtures'
import { EmailAddressManager } from '../components/email-address-manager'

/**
 * An app's own shadcn/ui-style elements (their `data-slot` and `data-variant` names, `data-invalid`
 * and `data-theme` ancestors; unstyled here, as an app without Tailwind sees them) beside our
 * manager, with `styles.css` loaded.
 */
function NextToShadcn() {
  return (
    <div style={layout}>
      <div data-testid="app" style={column}>
        <p>
          <button type="button" data-slot="button" data-variant="default" data-size="default">
            Save
          </button>{' '}
          <button type="button" data-slot="button" data-variant="outline">
            Cancel
          </button>{' '}
          <span data-slot="badge" data-variant="secondary">
            Beta
          </span>
        </p>
        <div data-slot="field" data-invalid="true" data-orientation="vertical">
          <label data-slot="field-label" htmlFor="app-display-name">
            Display name
          </label>
          <input
            data-slot="input"
            id="app-display-name"
            aria-invalid="true"
            aria-describedby="app-display-name-description app-display-name-error"
          />
          <p data-slot="field-description" id="app-display-name-description">
            Shown on your profile.
          </p>
          <div data-slot="field-error" id="app-display-name-error">
            Enter a name.
          </div>
        </div>
        <div data-theme="dark">
          <button type="button" data-slot="button" data-variant="destructive">
            Delete account
          </button>{' '}
          <span data-slot="badge">New</span>
        </div>
      </div>
      <div style={column}>
        <EmailAddressManager />
      </div>
    </div>
  )
}

// Columns that do not size each other, so ours cannot move the app's elements.
const layout = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(18rem, 100%), 1fr))',
  gap: '1.5rem',
  alignItems: 'start',
} as const
const column = { minInlineSize: 0 } as const

const meta = {
  title: 'Styling/Next to shadcn',
  component: NextToShadcn,
  // The theme stays on whatever the toolbar says: this story is about what it does not touch.
  globals: { theme: 'styled' },
  parameters: emulatorParameters({ seed: threeAddresses, inbox: false }),
} satisfies Meta<typeof NextToShadcn>

export default meta
type Story = StoryObj<typeof meta>

/** Every computed style of each element, by property. */
function computed(elements: Element[]): Record<string, string>[] {
  return elements.map((element) => {
    const style = getComputedStyle(element)
    return Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]))
  })
}

/** "field-label: color rgb(…) → rgb(…)" for each property that differs between two snapshots. */
function differences(
  elements: Element[],
  a: Record<string, string>[],
  b: Record<string, string>[],
) {
  return elements.flatMap((element, index) => {
    const before = a[index] ?? {}
    const after = b[index] ?? {}
    const name = element.getAttribute('data-slot') ?? element.tagName.toLowerCase()
    return Object.keys(before)
      .filter((property) => before[property] !== after[property])
      .map((property) => `${name}: ${property} ${before[property]} → ${after[property]}`)
  })
}

/**
 * The app's buttons, badges and fields compute exactly the same styles with our theme loaded as with
 * it switched off; ours do change, so the comparison is a real one.
 */
export const Default: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('jane@work.example')).toBeVisible()
    const sheet =
      canvasElement.ownerDocument.querySelector<HTMLStyleElement>('style[data-rea-theme]')?.sheet
    if (!sheet) {
      throw new Error('the theme is not loaded (see .storybook/preview.tsx)')
    }
    const app = canvas.getByTestId('app')
    const theirs = [app, ...app.querySelectorAll('*')]
    const ours = [
      ...canvasElement.querySelectorAll(
        '[data-slot="rea-email-list-item"], [data-slot="rea-button"], [data-slot="rea-badge"]',
      ),
    ]
    await expect(theirs.map((element) => element.getAttribute('data-slot'))).toEqual(
      expect.arrayContaining(['button', 'badge', 'field', 'field-label', 'input', 'field-error']),
    )
    const theirsThemed = computed(theirs)
    const oursThemed = computed(ours)
    sheet.disabled = true
    let theirsPlain: Record<string, string>[]
    let oursPlain: Record<string, string>[]
    try {
      theirsPlain = computed(theirs)
      oursPlain = computed(ours)
    } finally {
      sheet.disabled = false
    }
    await expect(differences(theirs, theirsPlain, theirsThemed)).toEqual([])
    await expect(differences(ours, oursPlain, oursThemed).length).toBeGreaterThan(ours.length)
  },
}
