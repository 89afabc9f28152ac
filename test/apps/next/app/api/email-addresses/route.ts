// A route handler on the Backend API: an admin adds a verified address to a user. The secret key
// stays on the server; `react-email-addresses/server` refuses to be bundled for the browser.
import { createBackendClient } from 'react-email-addresses/server'
import { emulatorConfig } from '../../emulator'

export async function POST(request: Request): Promise<Response> {
  const { url, secretKey } = emulatorConfig()
  const body = (await request.json()) as { userId?: unknown; emailAddress?: unknown }
  if (typeof body.userId !== 'string' || typeof body.emailAddress !== 'string') {
    return Response.json({ error: 'userId and emailAddress are required' }, { status: 400 })
  }
  const clerk = createBackendClient({ secretKey, apiUrl: url })
  const address = await clerk.emailAddresses.create({
    userId: body.userId,
    emailAddress: body.emailAddress,
    verified: true,
  })
  return Response.json(address, { status: 201 })
}
