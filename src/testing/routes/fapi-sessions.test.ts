import { describe, expect, it } from 'vitest'
import type { ClientJSON, SessionJSON } from '../../api/wire-types'
import { TRANSPORTS, useHarness } from '../test-harness'

// clerk-js 6.40's `signOut()` sends DELETE /v1/client/sessions; before these routes it got a 404 and
// stayed signed in. Found by driving the real clerk-js (test/clerk).
describe.each(TRANSPORTS)('signing out (%s)', (transport) => {
  const h = useHarness(transport)

  it('DELETE /v1/client/sessions (POST + _method) ends every session and keeps the client', async () => {
    const { sessionId, clientId } = h.emulator.signedIn
    const res = await h.call<{ response: ClientJSON }>('DELETE', '/v1/client/sessions')
    expect(res.status).toBe(200)
    expect(res.body.response).toMatchObject({ object: 'client', id: clientId, sessions: [] })
    expect(res.client).toMatchObject({ id: clientId, sessions: [], last_active_session_id: null })

    const me = await h.call('GET', '/v1/me', { query: { _clerk_session_id: sessionId } })
    expect(me.status).toBe(401)
    const client = await h.call('GET', '/v1/client')
    expect(client.client).toMatchObject({ id: clientId, sessions: [] })
  })

  it('POST /v1/client/sessions/{id}/end ends that session and answers it with the client', async () => {
    const { sessionId } = h.emulator.signedIn
    const res = await h.call<{ response: SessionJSON }>(
      'POST',
      `/v1/client/sessions/${sessionId}/end`,
    )
    expect(res.status).toBe(200)
    expect(res.body.response).toMatchObject({ id: sessionId, status: 'ended' })
    expect(res.client?.sessions).toEqual([])
    const again = await h.call('POST', `/v1/client/sessions/${sessionId}/end`)
    expect(again.status).toBe(404)
  })
})

describe.each(TRANSPORTS)('a second session on the same client (%s)', (transport) => {
  const h = useHarness(transport, {
    users: [{ email_addresses: ['jane@example.com'] }, { email_addresses: ['bob@example.com'] }],
  })

  it('POST /__emulator/sessions signs a user in beside the active session; touch switches to it', async () => {
    const state = await h.call<{ user_ids: string[] }>('GET', '/__emulator/state')
    const bob = state.body.user_ids[1]!
    const added = await h.call<{ session_id: string }>('POST', '/__emulator/sessions', {
      json: { user_id: bob },
    })
    expect(added.status).toBe(200)
    const client = await h.call('GET', '/v1/client')
    expect(client.client?.sessions.map((s) => s.id)).toEqual([
      h.emulator.signedIn.sessionId,
      added.body.session_id,
    ])
    expect(client.client?.last_active_session_id).toBe(h.emulator.signedIn.sessionId)

    const touched = await h.call('POST', `/v1/client/sessions/${added.body.session_id}/touch`)
    expect(touched.client?.last_active_session_id).toBe(added.body.session_id)
    const me = await h.call<{ response: { email_addresses: { email_address: string }[] } }>(
      'GET',
      '/v1/me',
      { query: { _clerk_session_id: added.body.session_id } },
    )
    expect(me.body.response.email_addresses.map((e) => e.email_address)).toEqual([
      'bob@example.com',
    ])
  })

  it('refuses an unknown user', async () => {
    const res = await h.call('POST', '/__emulator/sessions', { json: { user_id: 'user_nope' } })
    expect(res.status).toBe(404)
  })
})
