import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Two pages: the settings page, and the same shell without react-email-addresses, so the build
// shows what our components add to what an app ships.
export default defineConfig({
  plugins: [react()],
  build: {
    rolldownOptions: { input: { index: 'index.html', baseline: 'baseline.html' } },
  },
})
