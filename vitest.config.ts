import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/api/**/*.test.ts',
            'src/testing/**/*.test.ts',
            'src/server/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
        },
      },
    ],
  },
})
