import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The library build. Peers stay external so apps pay for them once (DESIGN.md, budgets), and every
// source module stays its own file (`preserveModules`): with package.json's `sideEffects`, an app's
// bundler then drops whole modules it does not import. One flattened file would keep every top-level
// `memo()`/`forwardRef()`/`z.object()` call, since a bundler must assume those have side effects.
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
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
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
