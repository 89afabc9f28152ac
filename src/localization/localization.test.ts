import { describe, expect, it } from 'vitest'
import { deDE } from './de-de'
import { enUS } from './en-us'
import { errorMessage, mergeLocalization } from './localization'

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, entry]) =>
    typeof entry === 'object' && entry !== null
      ? keys(entry, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

describe('localization', () => {
  it('German translates every English key, error codes included', () => {
    expect(keys(deDE).sort()).toEqual(keys(enUS).sort())
  })

  it('overrides a subset and keeps the rest', () => {
    const merged = mergeLocalization(enUS, { addEmailForm: { submit: 'Add' } })
    expect(merged.addEmailForm.submit).toBe('Add')
    expect(merged.addEmailForm.label).toBe('Email address')
    expect(merged.emailList).toBe(enUS.emailList)
  })

  it('maps an error by code and parameter, then code, then the default — never the server text', () => {
    expect(
      errorMessage(enUS, { code: 'form_identifier_exists', meta: { paramName: 'email_address' } }),
    ).toBe('This email address is taken. Please try another.')
    expect(errorMessage(enUS, { code: 'form_code_incorrect', meta: { paramName: 'code' } })).toBe(
      'That code is not right. Check it and try again.',
    )
    expect(errorMessage(enUS, { code: 'something_new' })).toBe(enUS.errors.default)
    expect(errorMessage(deDE, { code: 'form_code_incorrect' })).toMatch(/^Dieser Code/)
    expect(errorMessage(enUS, null)).toBeNull()
  })
})
