import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// jsdom has no layout: input-otp probes `elementFromPoint` to spot password-manager badges.
if (typeof document.elementFromPoint !== 'function') {
  document.elementFromPoint = () => null
}

// Two cores run every suite at once; give async UI checks room instead of flaking under load.
configure({ asyncUtilTimeout: 4_000 })

afterEach(() => {
  cleanup()
  sessionStorage.clear()
})
