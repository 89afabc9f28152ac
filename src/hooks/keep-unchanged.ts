/**
 * The query cache's structural sharing, matching list items by `id` instead of by index.
 *
 * TanStack Query keeps the old object wherever new data deep-equals it, but it pairs array items by
 * position: removing the first of 1,000 addresses would pair every later one with its neighbour and
 * hand each row a new object, so every memoized row would render again. Pairing by `id` keeps them.
 */
export function keepUnchanged(previous: unknown, next: unknown): unknown {
  if (previous === next) {
    return previous
  }
  if (Array.isArray(previous) && Array.isArray(next)) {
    const byId = new Map(previous.filter(hasId).map((item) => [item.id, item]))
    const items = next.map((item, index) =>
      keepUnchanged(hasId(item) ? byId.get(item.id) : previous[index], item),
    )
    const same = items.length === previous.length && items.every((item, i) => item === previous[i])
    return same ? previous : items
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next)
    let same = keys.length === Object.keys(previous).length
    const merged: Record<string, unknown> = {}
    for (const key of keys) {
      merged[key] = keepUnchanged(previous[key], next[key])
      same &&= key in previous && merged[key] === previous[key]
    }
    return same ? previous : merged
  }
  return next
}

function hasId(value: unknown): value is { id: unknown } {
  return isPlainObject(value) && 'id' in value
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  )
}
