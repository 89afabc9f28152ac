/**
 * Two tabs of the same session: a change in one shows in the other without a reload, and without
 * the other tab asking the server (the hooks broadcast the confirmed user to the session's tabs).
 */
import { checkpoint, demoPage, expect, tabTo, test } from './support'

test('a change in one tab appears in the other without a reload', async ({
  context,
  emulator,
  demoUrl,
}) => {
  await emulator.reset({
    users: [
      {
        first_name: 'Jane',
        last_name: 'Doe',
        email_addresses: [
          { email_address: 'jane@example.com', verified: true, primary: true },
          { email_address: 'old@example.com', verified: true },
        ],
      },
    ],
  })
  const first = await context.newPage()
  const second = await context.newPage()
  await first.goto(demoUrl)
  await second.goto(demoUrl)
  const a = demoPage(first)
  const b = demoPage(second)
  await expect(a.rows).toHaveCount(2)
  await expect(b.rows).toHaveCount(2)

  const secondRequests: string[] = []
  second.on('request', (request) => {
    if (request.url().startsWith(emulator.url)) {
      secondRequests.push(`${request.method()} ${new URL(request.url()).pathname}`)
    }
  })
  const navigations: string[] = []
  second.on('framenavigated', (frame) => navigations.push(frame.url()))

  // Make old@ primary in the first tab.
  await first.bringToFront()
  await tabTo(first, a.row('old@example.com').getByRole('button', { name: 'Make primary' }))
  await first.keyboard.press('Enter')
  await expect(a.badges('old@example.com')).toHaveText(['Primary', 'Verified'])
  await expect(b.badges('old@example.com')).toHaveText(['Primary', 'Verified'])
  await expect(b.rows.first()).toContainText('old@example.com')
  await checkpoint(second, 'second-tab-after-primary')

  // Remove jane@ in the second tab; the first follows.
  await second.bringToFront()
  await tabTo(second, b.row('jane@example.com').getByRole('button', { name: 'Remove' }))
  await second.keyboard.press('Enter')
  await second.keyboard.press('Shift+Tab') // from "Cancel" to the confirmation's "Remove"
  await second.keyboard.press('Enter')
  await expect(b.rows).toHaveCount(1)
  await expect(a.rows).toHaveCount(1)
  await expect(a.row('old@example.com').getByRole('button', { name: 'Remove' })).toBeDisabled()
  await checkpoint(first, 'first-tab-after-remove')

  expect((await emulator.me()).email_addresses.map((e) => e.email_address)).toEqual([
    'old@example.com',
  ])
  expect(navigations).toEqual([])
  // The second tab's only request was its own delete: the primary change came over the channel.
  expect(secondRequests).toEqual([expect.stringMatching(/^POST \/v1\/me\/email_addresses\/idn_/)])
})
