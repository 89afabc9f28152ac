/**
 * Click → optimistic change, as the user sees it: from the click event's timestamp to the moment a
 * MutationObserver sees the row change, and whether that change was in the DOM before the first
 * animation frame after the click (then the next paint shows it: "same frame").
 */
export interface LatencySample {
  /** Click event timestamp → the row's DOM change, ms. */
  clickToChangeMs: number
  /** Click event timestamp → the first animation frame after the change (≈ its paint), ms. */
  clickToFrameMs: number
  /** The change was in the DOM before the first frame after the click. */
  sameFrame: boolean
  /** Click → the query cache's last update before the DOM change (the optimistic write), ms. */
  clickToCacheMs: number | null
}

/**
 * Arms the watch for the next click on the page: resolves when the row whose text contains `email`
 * leaves the list (`removed`) or gets `data-primary` (`primary`).
 */
export function watchLatency(
  email: string,
  change: 'removed' | 'primary',
  rowSelector = '[data-slot="rea-email-list-item"]',
  lastCacheUpdate: () => number = () => -1,
): Promise<LatencySample> {
  const rowFor = () =>
    [...document.querySelectorAll<HTMLElement>(rowSelector)].find((row) =>
      row.textContent?.includes(email),
    )
  const changed = () => {
    const row = rowFor()
    return change === 'removed' ? !row : row?.hasAttribute('data-primary') === true
  }
  return new Promise((resolve, reject) => {
    let clickAt = -1
    let firstFrameAt = -1
    let changeAt = -1
    let cacheAt = -1
    const timer = setTimeout(() => reject(new Error(`no ${change} change for ${email}`)), 10_000)
    const done = () => {
      observer.disconnect()
      requestAnimationFrame(() => {
        const frameAt = performance.now()
        clearTimeout(timer)
        resolve({
          clickToChangeMs: changeAt - clickAt,
          clickToFrameMs: frameAt - clickAt,
          sameFrame: firstFrameAt < 0 || changeAt <= firstFrameAt,
          clickToCacheMs: cacheAt >= clickAt ? cacheAt - clickAt : null,
        })
      })
    }
    const observer = new MutationObserver(() => {
      if (clickAt >= 0 && changeAt < 0 && changed()) {
        changeAt = performance.now()
        cacheAt = lastCacheUpdate()
        done()
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, attributes: true })
    document.addEventListener(
      'click',
      (event) => {
        clickAt = event.timeStamp
        requestAnimationFrame(() => {
          firstFrameAt = performance.now()
        })
      },
      { capture: true, once: true },
    )
  })
}
