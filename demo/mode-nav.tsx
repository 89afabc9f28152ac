/**
 * The link between the demo's two pages, in each page's header: the same settings page with our own
 * provider talking to FAPI (`/`), and inside Clerk's React SDK (`/clerk.html`). The current page is
 * plain text, so keyboard users get one stop here, not a link to where they already are.
 */
const MODES = [
  { href: '/', label: 'Our provider' },
  { href: '/clerk.html', label: 'Clerk mode' },
] as const

export function ModeNav({ current }: { current: (typeof MODES)[number]['href'] }) {
  return (
    <nav aria-label="Demo mode" className="demo-modes">
      <ul>
        {MODES.map((mode) => (
          <li key={mode.href}>
            {mode.href === current ? (
              <span aria-current="page">{mode.label}</span>
            ) : (
              <a href={mode.href}>{mode.label}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
