import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The library build. Peers stay external so apps pay for them once (DESIGN.md, budgets).
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        server: 'src/server/index.ts',
        'server.browser': 'src/server/browser.ts',
        testing: 'src/testing/index.ts',
        'testing-node': 'src/testing/node.ts',
        'emulator-bin': 'src/testing/emulator-bin.ts',
        clerk: 'src/clerk/index.ts',
      },
      formats: ['es'],
    },
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^@tanstack\//,
        'react-hook-form',
        /^@hookform\//,
        /^zod($|\/)/,
        /^msw($|\/)/,
        /^@clerk\//,
        /^node:/,
      ],
    },
  },
})
