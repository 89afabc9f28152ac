/**
 * The `/__emulator/inbox` page: every sent message with its code and a working link. All text is
 * escaped and there is no script, so an address like `<img onerror>` renders as text.
 */
import type { OutboxMessage } from './types'

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function safeHref(link: string): string | null {
  try {
    const url = new URL(link)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function row(message: OutboxMessage): string {
  const when = new Date(message.created_at).toISOString()
  const href = message.link ? safeHref(message.link) : null
  const detail = message.code
    ? `<p>Code: <code data-testid="code">${escapeHtml(message.code)}</code></p>`
    : href
      ? `<p><a data-testid="link" href="${escapeHtml(href)}">Verify email address</a></p>`
      : ''
  return `<li><h2>${escapeHtml(message.subject)}</h2><p>To: ${escapeHtml(message.to)} · ${escapeHtml(when)}</p>${detail}</li>`
}

/**
 * Renders the inbox, newest message first.
 * @example renderInbox(emulator.outbox) // '<!doctype html>…'
 */
export function renderInbox(messages: readonly OutboxMessage[]): string {
  const items = [...messages].reverse().map(row).join('\n')
  const body = items ? `<ol>\n${items}\n</ol>` : '<p>No messages yet.</p>'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Emulator inbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}li{margin-bottom:1rem}code{font-size:1.4em}</style>
</head><body><h1>Emulator inbox (${messages.length})</h1>
${body}
</body></html>`
}
