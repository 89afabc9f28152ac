import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The library build. Peers stay external so apps pay for them once (DESIGN.md, budgets), and every
// source module stays its own file (`preserveModules`): with package.json's `sideEffects`, an app's
// bundler then drops whole modules it does not import. One flattened file would keep every top-level
// `memo()`/`forwardRef()`/`z.object()` call, since a bundler must assume those have side effects.
// `react-email-addresses/server` refuses client bundles when they are *built*, not only when they
// run. Its `browser` build (what a client bundle resolves it to) starts with this import: Next.js's
// compiler (Turbopack and webpack) answers it with "'server-only' cannot be imported from a Client
// Component module" and an import trace, and other bundlers (Vite, webpack, esbuild) fail to resolve
// it unless the app installed `server-only`, whose module then throws when loaded. Server code never
// reaches this file (`react-server`, `node`, `workerd`, `edge-light` and `default` name the real
// entry), and Next.js resolves `server-only` itself. It is added here, not in `src/server/browser.ts`,
// so that the repository's own tests can import that file and see its run-time refusal.
const SERVER_ONLY_MARKER = "import 'server-only'"

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    lib: {
      entry: [
        'src/index.ts',
        'src/localization/locales.ts',
        'src/server/index.ts',
        'src/server/browser.ts',
        'src/testing/index.ts',
        'src/testing/node.ts',
        'src/testing/emulator-bin.ts',
        'src/clerk/index.ts',
      ],
      formats: ['es'],
    },
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      // An inlined constant would leave a bare `import "./x.js"` behind, which esbuild warns about
      // in apps' builds (the file is side-effect free by package.json).
      optimization: { inlineConst: false },
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: (chunk) => (chunk.fileName === 'server/browser.js' ? SERVER_ONLY_MARKER : ''),
      },
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^@tanstack\//,
        'react-hook-form',
        /^@hookform\//,
        'input-otp',
        /^@radix-ui\//,
        /^zod($|\/)/,
        /^msw($|\/)/,
        /^@clerk\//,
        /^node:/,
      ],
    },
  },
})
