'use client'
// A mistake the build must stop: a client component importing the Backend API client. The test copies
// this folder to app/leak/ and expects `next build` to fail with Next's server-only error.
import { createBackendClient } from 'react-email-addresses/server'

export function Leak() {
  return (
    <button type="button" onClick={() => createBackendClient({ secretKey: 'sk_test_x' })}>
      Leak
    </button>
  )
}
