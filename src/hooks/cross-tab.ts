import type { User } from '../api/types'
import type { EmailAddressesScope } from './query-keys'

/** This tab's end of the channel its session's tabs share. */
export interface CrossTab {
  publish(user: User): void
  close(): void
}

interface UserMessage {
  type: 'user'
  user: User
}

/**
 * Tells other tabs of the same session about every user the server confirmed, so they update their
 * cache without a request. Where `BroadcastChannel` is missing (old browsers, SSR) it does nothing.
 */
export function subscribeCrossTab(
  scope: EmailAddressesScope,
  onUser: (user: User) => void,
): CrossTab | null {
  if (typeof BroadcastChannel === 'undefined' || !scope.sessionId) {
    return null
  }
  const channel = new BroadcastChannel(`react-email-addresses:${scope.baseUrl}:${scope.sessionId}`)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isUserMessage(event.data)) {
      onUser(event.data.user)
    }
  }
  return {
    publish: (user) => channel.postMessage({ type: 'user', user } satisfies UserMessage),
    close: () => channel.close(),
  }
}

function isUserMessage(data: unknown): data is UserMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    data.type === 'user' &&
    'user' in data &&
    typeof data.user === 'object' &&
    data.user !== null &&
    'emailAddresses' in data.user &&
    Array.isArray(data.user.emailAddresses)
  )
}
