// The theme ships as plain CSS: copy it next to the bundles (vite's library mode only emits CSS
// that JavaScript imports, and the components import none, so unstyled use pays nothing).
// Beside it goes a declaration, which `exports["./styles.css"].types` names: TypeScript 6 and 7
// check side-effect imports (`noUncheckedSideEffectImports` is on by default), so without one a bare
// project's `import 'react-email-addresses/styles.css'` is TS2882.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
mkdirSync(join(root, 'dist'), { recursive: true })
copyFileSync(join(root, 'src/styles/styles.css'), join(root, 'dist/styles.css'))
writeFileSync(
  join(root, 'dist/styles.css.d.ts'),
  '// `react-email-addresses/styles.css` is a stylesheet: importing it only applies the theme.\nexport {}\n',
)
