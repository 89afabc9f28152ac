import { expectTypeOf, test } from 'vitest'
import { pageUrl, readParams } from '../playground/routes.mjs'

test('page parameters are typed per page', () => {
  expectTypeOf(readParams('bench').scene).toEqualTypeOf<
    'lifecycle' | 'consumers' | 'typing' | 'list' | 'render'
  >()
  expectTypeOf(readParams('sides').ui).toEqualTypeOf<boolean | undefined>()
  pageUrl('http://x', 'settings')
  pageUrl('http://x', 'verified')
  // @ts-expect-error -- the side-by-side page needs ?fapi=
  pageUrl('http://x', 'sides')
  // @ts-expect-error -- not a scene
  pageUrl('http://x', 'bench', { scene: 'nope', fapi: 'f', sid: 's' })
})
