import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The library build. Peers stay external so apps pay for them once (DESIGN.md, budgets).
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    lib: {
      entry: { index: 'src/index.ts' },
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
        /^node:/,
      ],
    },
  },
})
