/**
 * A loopback port with nothing listening, so a connection to it is refused before any byte is sent;
 * and a way to start answering on it later, to prove a refused request is tried again.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A port that was free a moment ago (another process could take it, which is unlikely in a test run). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Starts answering every request on `port` with `json`; returns the server and the paths it saw. */
export async function listenOn(
  port: number,
  json: unknown,
): Promise<{ server: Server; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = []
  const server = createServer((req, res) => {
    paths.push(`${req.method ?? ''} ${req.url ?? ''}`)
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(json))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    server,
    paths,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
