/**
 * The bench page (`/bench.html`), built with production React's profiling build and driven by
 * `scripts/bench-browser.mjs` in Chromium against the emulator's HTTP server (`?fapi=`, `?sid=`).
 * `?scene=` picks a scene; each scene puts what the runner calls on `window.bench`. The `list` scene
 * measures the settings page's own headless panel (`HeadlessEmails`) beside `EmailList`.
 */
import { QueryClient } from '@tanstack/react-query'
import { memo, Profiler, type ReactNode, StrictMode, useState } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import {
  AddEmailForm,
  createFapiClient,
  EmailAddressesProvider,
  emailAddressQueries,
  EmailList,
  EmailListItem,
  EmailListItems,
  type EmailListItemProps,
  useAttemptEmailAddressVerification,
  useCreateEmailAddress,
  useDeleteEmailAddress,
  useEmailAddresses,
  usePrepareEmailAddressVerification,
  useSetPrimaryEmailAddress,
  VerifyCodeInput,
  type User,
} from 'react-email-addresses'
import 'react-email-addresses/styles.css'
import { type BenchScene, readParams } from '../routes.mjs'
import { HeadlessEmails } from '../common/headless-emails'
import { rootElement } from '../common/root'
import { watchLatency } from './latency'
import { commits, onRender, resetCommits } from './profiler'

const { scene, fapi, sid: sessionId, verify = '' } = readParams('bench')

const client = createFapiClient({ proxyUrl: fapi, getSessionId: () => sessionId })
const bench: Record<string, unknown> = { commits, resetCommits }
Object.assign(window, { bench })

function newQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
}

function Provider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [own] = useState(newQueryClient)
  return (
    <EmailAddressesProvider client={client} queryClient={queryClient ?? own}>
      {children}
    </EmailAddressesProvider>
  )
}

/** The lifecycle through the hooks; the runner calls each step and counts requests. */
function Lifecycle() {
  const list = useEmailAddresses()
  const create = useCreateEmailAddress()
  const prepare = usePrepareEmailAddressVerification()
  const attempt = useAttemptEmailAddressVerification()
  const setPrimary = useSetPrimaryEmailAddress()
  const remove = useDeleteEmailAddress()
  Object.assign(bench, {
    create: create.mutateAsync,
    prepare: prepare.mutateAsync,
    attempt: attempt.mutateAsync,
    setPrimary: setPrimary.mutateAsync,
    remove: remove.mutateAsync,
    data: list.data ?? null,
  })
  return <p data-testid="count">{list.data ? list.data.emailAddresses.length : 'loading'}</p>
}

function Consumer({ n }: { n: number }) {
  const { data } = useEmailAddresses()
  return <p data-testid={`consumer-${n}`}>{data ? data.emailAddresses.length : 'loading'}</p>
}

/**
 * A row's Profiler behind the same shallow prop check as `EmailListItem`'s own `memo`: a bare
 * Profiler would report a commit whenever the list re-renders, even when the row inside bails out.
 * A row's own state (primary, only, pending) reaches it through context, which the Profiler sees.
 */
const ProfiledRow = memo(function ProfiledRow(props: EmailListItemProps) {
  return (
    <Profiler id={`row:${props.address.id}`} onRender={onRender}>
      <EmailListItem {...props} />
    </Profiler>
  )
})

/** The list with a Profiler per row, so a row's commit is seen even when the list's is not. */
function ProfiledList() {
  return (
    <Profiler id="list" onRender={onRender}>
      <EmailList onVerify={onVerifyNothing}>
        <EmailListItems>{(address) => <ProfiledRow address={address} />}</EmailListItems>
      </EmailList>
    </Profiler>
  )
}

/** Stable, so rows are not re-rendered for a new `onVerify` on every list render. */
function onVerifyNothing() {}

/**
 * The floor for the latency figure: rows removed by a plain `useState` update in the click handler,
 * no query cache in between.
 */
function Baseline() {
  const [rows, setRows] = useState(() =>
    Array.from({ length: 20 }, (_, i) => `base${String(i).padStart(2, '0')}`),
  )
  return (
    <ul>
      {rows.map((row) => (
        <li key={row} data-slot="baseline-item">
          {row}{' '}
          <button type="button" onClick={() => setRows((all) => all.filter((r) => r !== row))}>
            Drop {row}
          </button>
        </li>
      ))}
    </ul>
  )
}

/** List, add form and code input side by side: typing in either form must not commit the list. */
function Typing({ verifyId }: { verifyId: string }) {
  return (
    <>
      <ProfiledList />
      <div id="add">
        <Profiler id="add" onRender={onRender}>
          <AddEmailForm />
        </Profiler>
      </div>
      <div id="verify">
        <Profiler id="verify" onRender={onRender}>
          <VerifyCodeInput emailAddressId={verifyId} autoSubmit={false} />
        </Profiler>
      </div>
    </>
  )
}

/** Mounts the list over a pre-filled cache `runs` times per size and times each mount. */
async function renderTimes(sizes: number[], runs: number) {
  const { user } = await client.me.get()
  if (!user) {
    throw new Error('no user')
  }
  const key = emailAddressQueries.me(client).queryKey
  const out: Record<number, { ms: number[]; layoutMs: number[]; rows: number }> = {}
  for (const size of sizes) {
    const sized: User = { ...user, emailAddresses: user.emailAddresses.slice(0, size) }
    out[size] = { ms: [], layoutMs: [], rows: 0 }
    for (let run = -1; run < runs; run += 1) {
      const queryClient = newQueryClient()
      queryClient.setQueryData(key, sized)
      const container = document.createElement('div')
      document.body.append(container)
      const root = createRoot(container)
      const started = performance.now()
      flushSync(() =>
        root.render(
          <Provider queryClient={queryClient}>
            <EmailList />
          </Provider>,
        ),
      )
      const committed = performance.now()
      void container.offsetHeight // style and layout of what was committed
      const laidOut = performance.now()
      const rows = container.querySelectorAll('[data-slot="rea-email-list-item"]').length
      root.unmount()
      container.remove()
      queryClient.clear()
      if (run >= 0) {
        out[size].ms.push(committed - started)
        out[size].layoutMs.push(laidOut - started)
        out[size].rows = rows
      }
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  }
  return out
}

const scenes: Record<BenchScene, () => ReactNode> = {
  lifecycle: () => (
    <Provider>
      <Lifecycle />
    </Provider>
  ),
  consumers: () => (
    <Provider>
      {Array.from({ length: 10 }, (_, n) => (
        <Consumer key={n} n={n} />
      ))}
    </Provider>
  ),
  typing: () => (
    <Provider>
      <Typing verifyId={verify} />
    </Provider>
  ),
  list: () => (
    <Provider queryClient={listQueryClient}>
      <ProfiledList />
      <HeadlessEmails />
      <Baseline />
    </Provider>
  ),
  render: () => null,
}

bench.renderTimes = renderTimes
let lastCacheUpdate = -1
const listQueryClient = newQueryClient()
// Called synchronously on every cache write, so the optimistic write's time is known.
listQueryClient.getQueryCache().subscribe((event) => {
  if (event.type === 'updated') {
    lastCacheUpdate = performance.now()
  }
})
bench.watchLatency = (email: string, change: 'removed' | 'primary', rowSelector?: string) =>
  watchLatency(email, change, rowSelector, () => lastCacheUpdate)
createRoot(rootElement()).render(<StrictMode>{scenes[scene]()}</StrictMode>)
