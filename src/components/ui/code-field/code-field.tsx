'use client'

import { OTPInput, type SlotProps } from 'input-otp'
import { forwardRef } from 'react'

/** Props of `CodeField`. */
export interface CodeFieldProps {
  value: string
  onChange: (value: string) => void
  /** Called once every digit is filled. */
  onComplete?: (value: string) => void
  length: number
  id?: string
  disabled?: boolean
  autoFocus?: boolean
  'aria-invalid'?: true | undefined
  'aria-describedby'?: string | undefined
}

/** Keeps the digits of what was pasted or autofilled: "123 456" and "123-456" become "123456". */
export function normalizeCode(text: string, length: number): string {
  return text.replace(/\D/g, '').slice(0, length)
}

/**
 * A one-time-code input on `input-otp`: one real `<input>` (so autofill, password managers and paste
 * work), `autocomplete="one-time-code"` and a numeric keyboard, drawn as one box per digit.
 *
 * @example
 * <CodeField length={6} value={code} onChange={setCode} onComplete={submit} />
 */
export const CodeField = forwardRef<HTMLInputElement, CodeFieldProps>(function CodeField(
  { value, onChange, onComplete, length, ...props },
  ref,
) {
  return (
    <OTPInput
      ref={ref}
      {...props}
      value={value}
      maxLength={length}
      onChange={(next: string) => onChange(normalizeCode(next, length))}
      onComplete={(next: string) => onComplete?.(normalizeCode(next, length))}
      pasteTransformer={(pasted) => normalizeCode(pasted, length)}
      inputMode="numeric"
      autoComplete="one-time-code"
      containerClassName="rea-code-field"
      data-slot="rea-code-field-input"
      render={({ slots }) => (
        <div data-slot="rea-code-field" aria-hidden="true">
          {slots.map((slot, index) => (
            <CodeSlot key={index} {...slot} />
          ))}
        </div>
      )}
    />
  )
})

function CodeSlot({ char, isActive, hasFakeCaret }: SlotProps) {
  return (
    <span data-slot="rea-code-field-slot" data-active={isActive ? '' : undefined}>
      {char}
      {hasFakeCaret && <span data-slot="rea-code-field-caret" />}
    </span>
  )
}
