/** The page's `<div id="root">`; every HTML entry of the playground has one. */
export function rootElement(): HTMLDivElement {
  const container = document.getElementById('root')
  if (!(container instanceof HTMLDivElement)) {
    throw new Error(`playground: <div id="root"> is missing from ${window.location.pathname}`)
  }
  return container
}
