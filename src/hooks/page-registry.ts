/**
 * One instance per key for the whole page, so two providers of the same scope share it. On a server
 * (no `window`) every call gets a fresh instance: a long-running server renders many sessions, and a
 * module-level map would keep one entry per session forever.
 */
export function perPage<T>(registry: Map<string, T>, key: string, create: () => T): T {
  if (typeof window === 'undefined') {
    return create()
  }
  let instance = registry.get(key)
  if (instance === undefined) {
    instance = create()
    registry.set(key, instance)
  }
  return instance
}
