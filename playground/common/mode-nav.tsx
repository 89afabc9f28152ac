/**
 * The link between the demo's two settings pages, in each page's header: our own provider talking to
 * FAPI (`settings`), and inside Clerk's React SDK (`clerk`). The current page is plain text, so
 * keyboard users get one stop here, not a link to where they already are.
 */
import { PAGES } from '../routes.mjs'

const MODES = [
  { page: 'settings', label: 'Our provider' },
  { page: 'clerk', label: 'Clerk mode' },
] as const

export function ModeNav({ current }: { current: (typeof MODES)[number]['page'] }) {
  return (
    <nav aria-label="Demo mode" className="demo-modes">
      <ul>
        {MODES.map((mode) => (
          <li key={mode.page}>
            {mode.page === current ? (
              <span aria-current="page">{mode.label}</span>
            ) : (
              <a href={PAGES[mode.page].path}>{mode.label}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
