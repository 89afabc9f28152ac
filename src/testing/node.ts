/**
 * `react-email-addresses/testing/node`: the emulator's HTTP server and CLI (Node only).
 */
export { type CliIo, main, USAGE } from './cli'
export { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from './http-server'
