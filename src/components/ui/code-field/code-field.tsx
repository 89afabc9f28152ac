'use client'

import { OTPInput, OTPInputContext, type RenderProps } from 'input-otp'
import {
  Fragment,
  forwardRef,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  useContext,
} from 'react'

/** Props of `CodeField`: an `<input>`'s props (the one real input), and the code's. */
export interface CodeFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'maxLength' | 'children'
> {
  value: string
  onChange: (value: string) => void
  /** Called once every digit is filled. */
  onComplete?: (value: string) => void
  length: number
  /** Classes of the element around the input and the boxes. */
  containerClassName?: string
  /** The boxes: `CodeFieldGroup`s of `CodeFieldSlot`s. @defaultValue one group of `length` slots */
  children?: ReactNode
}

/**
 * Keeps the digits of what was typed, pasted or autofilled, in ASCII: "123 456", "123-456" and
 * full-width "１２３４５６" all become "123456", as do digits of other scripts.
 *
 * @example
 * normalizeCode('１２３-４５６', 6) // '123456'
 * normalizeCode('code: 42 42 42 (expires soon)', 6) // '424242'
 */
export function normalizeCode(text: string, length: number): string {
  let digits = ''
  for (const char of text.normalize('NFKC')) {
    const digit = asciiDigit(char)
    if (digit !== null) {
      digits += digit
    }
  }
  return digits.slice(0, length)
}

/** The ASCII digit a Unicode decimal digit stands for (every script's digits run 0–9 in order). */
function asciiDigit(char: string): string | null {
  if (!/\p{Nd}/u.test(char)) {
    return null
  }
  const point = char.codePointAt(0) ?? 0
  let zero = point
  while (point - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) {
    zero -= 1
  }
  return String(point - zero)
}

/**
 * A one-time-code input on `input-otp`, in the style of shadcn's `input-otp.tsx`: one real `<input>`
 * (so autofill, password managers and paste work; its props and ref go there),
 * `autocomplete="one-time-code"` and a numeric keyboard, drawn as boxes you can lay out with
 * `CodeFieldGroup` and `CodeFieldSlot`.
 *
 * @example
 * <CodeField length={6} value={code} onChange={setCode} onComplete={submit} />
 *
 * // Two groups of three:
 * <CodeField length={6} value={code} onChange={setCode}>
 *   <CodeFieldGroup><CodeFieldSlot index={0} /><CodeFieldSlot index={1} /><CodeFieldSlot index={2} /></CodeFieldGroup>
 *   <CodeFieldGroup><CodeFieldSlot index={3} /><CodeFieldSlot index={4} /><CodeFieldSlot index={5} /></CodeFieldGroup>
 * </CodeField>
 */
export const CodeField = forwardRef<HTMLInputElement, CodeFieldProps>(function CodeField(
  { value, onChange, onComplete, length, containerClassName, children, ...props },
  ref,
) {
  return (
    <OTPInput
      ref={ref}
      inputMode="numeric"
      autoComplete="one-time-code"
      data-slot="rea-code-field-input"
      {...props}
      value={value}
      maxLength={length}
      onChange={(next: string) => onChange(normalizeCode(next, length))}
      onComplete={(next: string) => onComplete?.(normalizeCode(next, length))}
      pasteTransformer={(pasted) => normalizeCode(pasted, length)}
      containerClassName={['rea-code-field', containerClassName].filter(Boolean).join(' ')}
    >
      {children ?? (
        <CodeFieldGroup>
          {Array.from({ length }, (_, index) => (
            // The spaces keep the boxes apart when no stylesheet lays them out.
            <Fragment key={index}>
              {index > 0 && ' '}
              <CodeFieldSlot index={index} />
            </Fragment>
          ))}
        </CodeFieldGroup>
      )}
    </OTPInput>
  )
})

/**
 * A row of boxes, as a `<div>` hidden from screen readers (they read the real input).
 *
 * @example
 * <CodeFieldGroup className="gap-1">…</CodeFieldGroup>
 */
export const CodeFieldGroup = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function CodeFieldGroup(props, ref) {
    return <div ref={ref} data-slot="rea-code-field" aria-hidden="true" {...props} />
  },
)

/**
 * Props of `CodeFieldSlot`: a `<span>`'s props, and which digit it shows.
 *
 * @example
 * const slot: CodeFieldSlotProps = { index: 0, className: 'box' }
 */
export interface CodeFieldSlotProps extends HTMLAttributes<HTMLSpanElement> {
  /** The digit's position, from 0. */
  index: number
}

/**
 * One box: the digit at `index` (an `_` while empty), and the caret (`|`) while it is the next to
 * fill, so the code reads "4 2 | _ _ _" even with no stylesheet; a theme hides the placeholder
 * (`rea-code-field-placeholder`) and draws the caret (`rea-code-field-caret`). State is in
 * `data-active`.
 *
 * @example
 * <CodeFieldSlot index={0} />
 */
export const CodeFieldSlot = forwardRef<HTMLSpanElement, CodeFieldSlotProps>(function CodeFieldSlot(
  { index, ...props },
  ref,
) {
  // input-otp's context defaults to `{}`: outside a CodeField there are no slots to read.
  const { slots } = useContext(OTPInputContext) as Partial<RenderProps>
  if (!slots) {
    throw new Error('react-email-addresses: `CodeFieldSlot` must be used within `CodeField`.')
  }
  const slot = slots[index]
  return (
    <span
      ref={ref}
      data-slot="rea-code-field-slot"
      data-active={slot?.isActive ? '' : undefined}
      {...props}
    >
      {slot?.char ??
        (slot?.hasFakeCaret ? (
          <span data-slot="rea-code-field-caret">|</span>
        ) : (
          <span data-slot="rea-code-field-placeholder">_</span>
        ))}
    </span>
  )
})
