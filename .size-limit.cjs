/* eslint-disable @typescript-eslint/no-require-imports -- size-limit loads its config with require(): this file is CommonJS */
// Size budgets: gzip of each entry's own code, peers external (size-limit leaves out package.json's
// peerDependencies), bundled and minified by esbuild (@size-limit/preset-small-lib). `npm test` runs
// `size-limit` after the build, so a change that crosses a limit fails CI. Each budgeted check has a
// brotli twin without a limit, and the entries without a budget (`./locales`, `./clerk`,
// `./testing`, `./server`) are reported only. Run `npm run build` first: the checks read `dist/`.
//
// The limits are the measured sizes plus a few percent, so they catch regressions. DESIGN.md's targets
// (api + hooks 4 kB, "." 12 kB) are not met and these limits say so honestly: the FAPI client alone
// (`createFapiClient`: zod parsing of every answer, dev browser, retries, coalescing, error envelopes)
// is 4.7 kB. docs/benchmarks.md has the breakdown. The limits were 9.5 / 16 kB before the compound
// parts, the hooks' shared optimistic overlay and lost-answer reconciliation, per-address parsing and
// IDN display landed (+1.0 / +4.5 kB measured); they were raised then, not before.
//
// The Clerk checks measure, in the same run, what an app ships to show Clerk's own email section
// (<UserProfile/>), React excluded on both sides:
// - `@clerk/react` (dev dependency) bundled from a tiny <UserProfile/> entry with the same esbuild
//   settings;
// - what @clerk/react then loads at run time, measured as published: clerk-js's `clerk.browser.js`
//   (dev dependency `@clerk/clerk-js`) and `@clerk/ui`'s `ui.shared.browser.js` (the variant that uses
//   the app's React) with the chunks its `UserProfile` loader names;
// - for reference, the same entry with clerk-js's npm build bundled in (`Clerk` prop).
// `@clerk/ui` is not a dependency: the registry here lacks the 1.41.0 that @clerk/react 6.18 was
// built with, and its npm build needs packages the registry does not have. `scripts/bench.mjs` unpacks
// the 1.36.0 tarball into `.bench/clerk-ui`; without it the UI check is left out.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const api = [
  'createFapiClient',
  'FapiError',
  'isFapiError',
  'parsePublishableKey',
  'EmailAddressesProvider',
  'useFapiClient',
  'emailAddressKeys',
  'emailAddressQueries',
  'scopeOf',
  'useEmailAddresses',
  'useEmailAddress',
  'useCreateEmailAddress',
  'usePrepareEmailAddressVerification',
  'useAttemptEmailAddressVerification',
  'useDeleteEmailAddress',
  'useSetPrimaryEmailAddress',
  'useEmailLinkVerification',
  'useVerificationCooldown',
  'useAddEmailAddressFlow',
]

/** `@clerk/ui`'s browser build: the entry and the chunks that `UserProfile`'s lazy loader fetches. */
function clerkUiFiles() {
  const dist = join(__dirname, '.bench/clerk-ui/package/dist')
  const entry = join(dist, 'ui.shared.browser.js')
  if (!existsSync(entry)) {
    return null
  }
  const js = readFileSync(entry, 'utf8')
  const loader = /UserProfile:\(\)=>Promise\.all\(\[([^\]]*)\]\)/.exec(js)
  const names = /\(\{((?:\d+:"[\w-]+",?)+)\}\)\[\w+\]\|\|\w+\)\+"_ui_"/.exec(js)
  const hash = /\.h=\(\)=>"([0-9a-f]{6})/.exec(js)
  if (!loader || !names || !hash) {
    return null
  }
  const chunkNames = Object.fromEntries(
    [...names[1].matchAll(/(\d+):"([\w-]+)"/g)].map((m) => [m[1], m[2]]),
  )
  const version = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')).version
  const ids = [...loader[1].matchAll(/\.e\((\d+)\)/g)].map((m) => m[1])
  const chunks = ids.map((id) => join(dist, `${chunkNames[id] ?? id}_ui_${hash[1]}_${version}.js`))
  return chunks.every((file) => existsSync(file)) ? { version, files: [entry, ...chunks] } : null
}

/**
 * size-limit makes every peer external, and @clerk/react is one of ours: for the Clerk entries only
 * React (the app's own, as for the library) stays external.
 */
function reactOnlyExternal(config) {
  return { ...config, external: ['react', 'react-dom'] }
}

const budgeted = [
  { name: 'api + hooks', import: { 'dist/index.js': `{ ${api.join(', ')} }` }, limit: '11.5 kB' },
  { name: 'everything in "."', path: 'dist/index.js', limit: '22.5 kB' },
  { name: 'styles.css', path: 'dist/styles.css', limit: '2 kB' },
]
/** The Clerk comparison, for `npm run bench` (`SIZE_LIMIT_CLERK=1`); the budget gate skips it. */
function clerkChecks() {
  // The package's `exports` hide `dist/clerk.browser.js` and `package.json`; its main is in `dist/`.
  const clerkJsDist = join(require.resolve('@clerk/clerk-js'), '..')
  const clerkJsVersion = JSON.parse(
    readFileSync(join(clerkJsDist, '../package.json'), 'utf8'),
  ).version
  const checks = [
    {
      // The fair counterpart of Clerk's total: ours with the peers it needs (react-query,
      // react-hook-form, zod, …) bundled in, for an app that does not use them already.
      name: 'everything in "." with its peers except React',
      path: 'dist/index.js',
      modifyEsbuildConfig: reactOnlyExternal,
    },
    {
      name: 'Clerk: @clerk/react, <UserProfile/> entry',
      path: 'test/bench/size/clerk-user-profile.jsx',
      modifyEsbuildConfig: reactOnlyExternal,
    },
    {
      name: `Clerk: @clerk/clerk-js ${clerkJsVersion} clerk.browser.js (as published)`,
      path: join(clerkJsDist, 'clerk.browser.js'),
      disablePlugins: ['@size-limit/esbuild'],
    },
  ]
  const ui = clerkUiFiles()
  if (ui) {
    checks.push({
      name: `Clerk: @clerk/ui ${ui.version} ui.shared.browser.js + UserProfile chunks (as published)`,
      path: ui.files,
      disablePlugins: ['@size-limit/esbuild'],
    })
  }
  checks.push({
    name: 'Clerk, bundled: @clerk/react + @clerk/clerk-js npm build, <UserProfile/> entry',
    path: 'test/bench/size/clerk-user-profile-bundled.jsx',
    modifyEsbuildConfig: reactOnlyExternal,
  })
  return checks
}

const reported = [
  { name: './locales', path: 'dist/localization/locales.js' },
  { name: './clerk', path: 'dist/clerk/index.js' },
  { name: './testing', path: 'dist/testing/index.js' },
  { name: './server', path: 'dist/server/index.js' },
  ...(process.env.SIZE_LIMIT_CLERK === '1' ? clerkChecks() : []),
]

module.exports = [
  ...budgeted.map((check) => ({ ...check, gzip: true })),
  ...budgeted.map(({ limit: _limit, ...check }) => ({
    ...check,
    name: `${check.name} (brotli)`,
    brotli: true,
  })),
  ...reported.map((check) => ({ ...check, gzip: true })),
  ...reported.map((check) => ({ ...check, name: `${check.name} (brotli)`, brotli: true })),
]
