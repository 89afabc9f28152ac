/**
 * The contract's validators: the project's own JSON Schemas (written from Clerk's OpenAPI shapes,
 * never loaded from the team's reference folder) compiled with ajv, plus the FAPI envelopes built from them.
 */
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import activeSessions from './schemas/active-sessions.schema.json'
import bapiUser from './schemas/bapi-user.schema.json'
import client from './schemas/client.schema.json'
import clerkErrors from './schemas/clerk-errors.schema.json'
import deletedObject from './schemas/deleted-object.schema.json'
import emailAddress from './schemas/email-address.schema.json'
import enterpriseConnection from './schemas/enterprise-connection.schema.json'
import environment from './schemas/environment.schema.json'
import sessionReverification from './schemas/session-reverification.schema.json'
import user from './schemas/user.schema.json'
import verification from './schemas/verification.schema.json'

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
addFormats(ajv)
for (const schema of [
  verification,
  emailAddress,
  user,
  bapiUser,
  client,
  clerkErrors,
  deletedObject,
  environment,
  sessionReverification,
  activeSessions,
  enterpriseConnection,
]) {
  ajv.addSchema(schema)
}

const BASE = 'https://react-email-addresses.local/schemas/'

function wrapped(response: object, clientNullable = false) {
  const clientRef = { $ref: `${BASE}client.json` }
  return {
    type: 'object',
    additionalProperties: false,
    required: ['response', 'client'],
    properties: {
      response,
      client: clientNullable ? { oneOf: [{ type: 'null' }, clientRef] } : clientRef,
    },
  }
}

/** The shapes the contract checks, by name. */
export const shapes = {
  EmailAddress: { $ref: `${BASE}email-address.json` },
  EmailAddressList: { type: 'array', items: { $ref: `${BASE}email-address.json` } },
  User: { $ref: `${BASE}user.json` },
  BapiUser: { $ref: `${BASE}bapi-user.json` },
  BapiUserList: { type: 'array', items: { $ref: `${BASE}bapi-user.json` } },
  TotalCount: {
    type: 'object',
    additionalProperties: false,
    required: ['object', 'total_count'],
    properties: { object: { const: 'total_count' }, total_count: { type: 'integer', minimum: 0 } },
  },
  Client: { $ref: `${BASE}client.json` },
  Session: { $ref: `${BASE}client.json#/definitions/Session` },
  Token: { $ref: `${BASE}client.json#/definitions/Token` },
  DeletedObject: { $ref: `${BASE}deleted-object.json` },
  ClerkErrors: { $ref: `${BASE}clerk-errors.json` },
  ClientWrappedEmailAddress: wrapped({ $ref: `${BASE}email-address.json` }),
  ClientWrappedUser: wrapped({ $ref: `${BASE}user.json` }),
  ClientWrappedClient: wrapped({ $ref: `${BASE}client.json` }),
  ClientWrappedSession: wrapped({ $ref: `${BASE}client.json#/definitions/Session` }),
  ClientWrappedDeletedObject: wrapped({ $ref: `${BASE}deleted-object.json` }, true),
  Environment: { $ref: `${BASE}environment.json` },
  SessionReverification: { $ref: `${BASE}session-reverification.json` },
  ClientWrappedSessionReverification: wrapped({ $ref: `${BASE}session-reverification.json` }),
  ActiveSessions: { $ref: `${BASE}active-sessions.json` },
  ClientWrappedEnterpriseConnections: wrapped({
    type: 'array',
    items: { $ref: `${BASE}enterprise-connection.json` },
  }),
} as const

/** A shape's name. */
export type ShapeName = keyof typeof shapes

const compiled = new Map<ShapeName, ValidateFunction>()

/**
 * Validates `value` against a shape; returns the error list as text (empty when valid).
 * @example expect(violations('EmailAddress', body)).toBe('')
 */
export function violations(shape: ShapeName, value: unknown): string {
  let validate = compiled.get(shape)
  if (!validate) {
    validate = ajv.compile(shapes[shape])
    compiled.set(shape, validate)
  }
  return validate(value) ? '' : ajv.errorsText(validate.errors, { separator: '\n' })
}
