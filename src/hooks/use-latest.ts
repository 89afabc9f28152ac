'use client'

import { useInsertionEffect, useRef } from 'react'

/**
 * A ref that holds the last committed `value`, for event handlers and stable callbacks that must see
 * the latest props without being re-created. It is updated after each commit, never during render
 * (React's rule), and before any layout effect or event can read it.
 */
export function useLatest<T>(value: T): { current: T } {
  const ref = useRef(value)
  useInsertionEffect(() => {
    ref.current = value
  })
  return ref
}
