// The theme ships as plain CSS: copy it next to the bundles (vite's library mode only emits CSS
// that JavaScript imports, and the components import none, so unstyled use pays nothing).
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
mkdirSync(join(root, 'dist'), { recursive: true })
copyFileSync(join(root, 'src/styles/styles.css'), join(root, 'dist/styles.css'))
