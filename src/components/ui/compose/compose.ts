'use client'

import { createContext, type Ref, type RefCallback, useCallback, useContext } from 'react'

/**
 * The app's handler first, then ours unless the app called `preventDefault()` (Radix's
 * `composeEventHandlers`): a part never replaces a handler the app passed.
 *
 * @example
 * <button {...props} onClick={composeEventHandlers(props.onClick, open)} />
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) {
      ours(event)
    }
  }
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') {
    ref(value)
  } else if (ref) {
    ref.current = value
  }
}

/**
 * One ref callback that sets every given ref: the app's forwarded one and the part's own.
 *
 * @example
 * const ref = useComposedRefs(forwardedRef, ownRef)
 */
export function useComposedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  // The refs are the dependencies themselves.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((node: T | null) => refs.forEach((ref) => setRef(ref, node)), refs)
}

/**
 * A context for the parts of a compound component, whose hook throws a clear error outside its root.
 *
 * @example
 * const [RowProvider, useRow] = createPartContext<Row>('EmailListItem')
 * const row = useRow('EmailListItemAddress') // throws "`EmailListItemAddress` must be used within `EmailListItem`."
 */
export function createPartContext<T>(rootName: string) {
  const Context = createContext<T | null>(null)
  const usePart = (partName: string): T => {
    const value = useContext(Context)
    if (value === null) {
      throw new Error(`react-email-addresses: \`${partName}\` must be used within \`${rootName}\`.`)
    }
    return value
  }
  return [Context.Provider, usePart, Context] as const
}
