#!/usr/bin/env node
/**
 * The bin entry `react-email-addresses-emulator`: runs `main` and exits with its code.
 */
import { main } from './cli'

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
