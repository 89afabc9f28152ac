/**
 * msw's service worker for the stories, started before the first story renders (msw-storybook-addon
 * calls `startMockWorker` from its `beforeEach`, wired in preview.tsx).
 *
 * Why not the addon's default start: msw's worker unregisters itself when its last page closes. With
 * the default scope (`/`), the Storybook manager (`index.html`) is a page of the worker too; so when a
 * tab goes from a story's `iframe.html` to the manager, the manager keeps the dying registration
 * alive, the manager's preview iframe loads uncontrolled, `worker.start()` revives the same
 * registration (already active, so it never claims the iframe) and every request goes to the real
 * network ("Could not reach the server") until a reload. Scoped to the preview (`iframe.html`), the
 * manager is never the worker's page: the old registration dies with the story tab and the iframe's
 * start installs a fresh one, which claims it. Outside Storybook's preview (vitest's browser mode)
 * msw's default scope stays.
 */
import { isCommonAssetRequest } from 'msw'
import { setupWorker, type SetupWorker } from 'msw/browser'

/** Storybook's preview page, which may be served under a sub-path: the worker sits beside it. */
const IN_PREVIEW = location.pathname.endsWith('/iframe.html')
const WORKER = IN_PREVIEW ? './mockServiceWorker.js' : '/mockServiceWorker.js'
const SCOPE = IN_PREVIEW ? './iframe.html' : undefined
/** How long a fresh worker may take to claim the page after it activated. */
const CLAIM_MS = 5_000

/** Storybook's own files, which no handler answers (as msw-storybook-addon skips them). */
function isStorybookRequest(request: Request): boolean {
  return /\.eot$|\.mdx$|sb-common-assets|iframe\.html|sb-vite|@vite|@react-refresh|\/virtual:|\.stories\./.test(
    request.url,
  )
}

/** Removes registrations of our worker under another scope (e.g. `/`, from before this file). */
async function removeStaleRegistrations(scope: string): Promise<void> {
  const wanted = new URL(scope, location.href).href
  const script = new URL(WORKER, location.href).href
  const registrations = await navigator.serviceWorker.getRegistrations()
  await Promise.all(
    registrations
      .filter((registration) => {
        const worker = registration.active ?? registration.waiting ?? registration.installing
        return worker?.scriptURL === script && registration.scope !== wanted
      })
      .map((registration) => registration.unregister()),
  )
}

/** Resolves once a service worker controls this page, or rejects after `CLAIM_MS`. */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) {
    return Promise.resolve()
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      navigator.serviceWorker.removeEventListener('controllerchange', done)
      reject(
        new Error(
          "msw's service worker does not control this page, so requests would reach the real network. Reload the page.",
        ),
      )
    }, CLAIM_MS)
    function done() {
      clearTimeout(timer)
      resolve()
    }
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true })
  })
}

/**
 * Starts msw's worker (once per page) and resolves when it answers this page's requests.
 * @example createPreviewAnnotations(startMockWorker)
 */
export async function startMockWorker(): Promise<SetupWorker> {
  if (SCOPE) {
    await removeStaleRegistrations(SCOPE)
  }
  const worker = setupWorker()
  await worker.start({
    quiet: true,
    serviceWorker: { url: WORKER, options: SCOPE ? { scope: SCOPE } : undefined },
    onUnhandledRequest(request, print) {
      if (!isCommonAssetRequest(request) && !isStorybookRequest(request)) {
        print.warning()
      }
    },
  })
  await controlled()
  return worker
}
