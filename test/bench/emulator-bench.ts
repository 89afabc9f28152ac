/**
 * Emulator throughput on loopback: requests per second for the list GET and for create + delete,
 * over real HTTP on 127.0.0.1 and in-process. Prints one JSON line per figure. Loops are bounded
 * (a fixed request count) so the script always ends; it is a report, not a timed test.
 *
 * Run: npx rolldown test/bench/emulator-bench.ts --platform node --format esm --file .bench/emulator-bench.mjs
 *      && node .bench/emulator-bench.mjs [requests]
 */
import { createFapiEmulator, type FapiEmulator } from '../../src/testing/emulator'
import { startEmulatorServer } from '../../src/testing/http-server'

const REQUESTS = Math.min(Math.max(Number(process.argv[2] ?? 2000) || 2000, 100), 50_000)
const CONCURRENCY = 8
const WARM_UP = 100

type Send = (request: Request) => Promise<Response>

interface Figure {
  benchmark: string
  transport: 'http' | 'in-process'
  requests: number
  concurrency: number
  seconds: number
  requests_per_second: number
}

/** Runs `iterations` jobs with a fixed number of workers; each job returns how many requests it made. */
async function runBounded(
  iterations: number,
  job: (i: number) => Promise<number>,
): Promise<number> {
  let next = 0
  let requests = 0
  const worker = async () => {
    while (next < iterations) {
      const i = next
      next += 1
      // Read the count after the await: `requests += await job(i)` would lose concurrent updates.
      const made = await job(i)
      requests += made
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return requests
}

async function expectStatus(response: Response, status: number): Promise<unknown> {
  const body: unknown = await response.json()
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`)
  }
  return body
}

function listJob(send: Send, base: string, sessionId: string) {
  return async () => {
    const url = `${base}/v1/me/email_addresses?_clerk_session_id=${sessionId}`
    await expectStatus(await send(new Request(url)), 200)
    return 1
  }
}

function createDeleteJob(send: Send, base: string, sessionId: string) {
  const form = { 'content-type': 'application/x-www-form-urlencoded' }
  return async (i: number) => {
    const created = await send(
      new Request(`${base}/v1/me/email_addresses/?_clerk_session_id=${sessionId}`, {
        method: 'POST',
        headers: form,
        body: `email_address=bench-${i}%40example.com`,
      }),
    )
    const { response } = (await expectStatus(created, 200)) as { response: { id: string } }
    const deleted = await send(
      new Request(
        `${base}/v1/me/email_addresses/${response.id}?_method=DELETE&_clerk_session_id=${sessionId}`,
        { method: 'POST', headers: form, body: '' },
      ),
    )
    await expectStatus(deleted, 200)
    return 2
  }
}

async function measure(
  benchmark: string,
  transport: Figure['transport'],
  iterations: number,
  job: (i: number) => Promise<number>,
): Promise<Figure> {
  await runBounded(WARM_UP, (i) => job(iterations + i))
  const started = performance.now()
  const requests = await runBounded(iterations, job)
  const seconds = (performance.now() - started) / 1000
  return {
    benchmark,
    transport,
    requests,
    concurrency: CONCURRENCY,
    seconds: Number(seconds.toFixed(3)),
    requests_per_second: Math.round(requests / seconds),
  }
}

async function figures(
  emulator: FapiEmulator,
  send: Send,
  base: string,
  transport: Figure['transport'],
) {
  const { sessionId } = emulator.signedIn
  const out: Figure[] = []
  out.push(
    await measure(
      'list GET /v1/me/email_addresses',
      transport,
      REQUESTS,
      listJob(send, base, sessionId),
    ),
  )
  out.push(
    await measure(
      'create + delete /v1/me/email_addresses',
      transport,
      REQUESTS / 2,
      createDeleteJob(send, base, sessionId),
    ),
  )
  return out
}

async function main() {
  // No throttle and room for in-flight unverified addresses: the bench measures the server, not the rules.
  const emulator = createFapiEmulator({ settings: { maxUnverified: 1_000 } })
  const server = await startEmulatorServer({ emulator, host: '127.0.0.1', port: 0 })
  try {
    const results = [
      ...(await figures(emulator, (r) => fetch(r), server.url, 'http')),
      ...(await figures(emulator, (r) => emulator.fetch(r), 'http://fapi.test', 'in-process')),
    ]
    for (const figure of results) {
      process.stdout.write(`${JSON.stringify(figure)}\n`)
    }
  } finally {
    await server.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `emulator-bench failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  )
  process.exitCode = 1
})
