'use client'

import { useCallback, useState } from 'react'
import { useLatest } from './use-latest'

/** What `useControllableState` takes: Radix's trio, under the names the caller gives them. */
export interface UseControllableStateParams<T> {
  /** The app's value; when not `undefined`, the state is controlled and follows it. */
  prop?: T | undefined
  /** The starting value when uncontrolled. */
  defaultProp: T
  /** Told every change the component asks for, controlled or not. */
  onChange?: ((value: T) => void) | undefined
}

/**
 * State an app may own: controlled when `prop` is given, else internal from `defaultProp`. The setter
 * is stable and calls `onChange` either way, only when the value really changes (as Radix's
 * `use-controllable-state` does).
 *
 * @example
 * const [open, setOpen] = useControllableState({ prop: props.open, defaultProp: false, onChange: props.onOpenChange })
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: UseControllableStateParams<T>): [T, (next: T) => void] {
  const [internal, setInternal] = useState(defaultProp)
  const controlled = prop !== undefined
  const value = controlled ? prop : internal
  const latest = useLatest({ value, onChange, controlled })
  const setValue = useCallback(
    (next: T) => {
      const current = latest.current
      if (Object.is(next, current.value)) {
        return
      }
      // Two calls in one event see each other, before React renders again.
      latest.current = { ...current, value: next }
      if (!current.controlled) {
        setInternal(next)
      }
      current.onChange?.(next)
    },
    [latest],
  )
  return [value, setValue]
}
