/**
 * `react-email-addresses/testing`: the FAPI + BAPI emulator, its msw handlers and fixtures.
 * Browser-safe (no Node built-ins); the HTTP server and CLI live in `./node`.
 */
export { type EmulatorClock } from './clock'
export {
  createFapiEmulator,
  type EmulatorOptions,
  type FapiEmulator,
  type SignedInIds,
} from './emulator'
export { DroppedConnectionError, parseFault } from './faults'
export { makeEmailAddressJSON, makeUserJSON, seeds } from './fixtures'
export { createEmulatorHandlers, type EmulatorHandlerOptions } from './msw-handlers'
export { isTestAddress, TEST_CODE } from './rules/verification'
export { parseSeed } from './seed'
export { DEFAULT_SECRET_KEY, DEFAULT_SETTINGS } from './state'
export type {
  EmulatorSeed,
  EnvironmentOverlay,
  EnvironmentOverlayValue,
  FaultSpec,
  InstanceSettings,
  OutboxMessage,
  RequestLogEntry,
  ReverificationAction,
  SeedEmailAddress,
  SeedUser,
} from './types'
