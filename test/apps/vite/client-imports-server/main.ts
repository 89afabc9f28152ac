// A mistake the build must stop: browser code importing the Backend API client, which would ship
// the secret key to every visitor. `vite build client-imports-server` has to fail.
import { createBackendClient } from 'react-email-addresses/server'

document.body.textContent = typeof createBackendClient
