import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Every package and app with a `src/` folder is one vitest project, named after its folder. */
const projectDirs = ['packages', 'apps'].flatMap((group) =>
  existsSync(group)
    ? readdirSync(group)
        .filter((name) => existsSync(`${group}/${name}/src`))
        .map((name) => ({ group, name }))
    : [],
);

/** Tests resolve sibling packages to their TypeScript sources (the `@embedkit/source` export condition). */
const conditions = ['@embedkit/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions, alias: { '#test-utils': fileURLToPath(new URL('./test-utils', import.meta.url)) } },
  ssr: { resolve: { conditions } },
  test: {
    // In CI a JSON report lets .ci/run print one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      ...projectDirs.map(({ group, name }) => ({
        extends: true,
        test: {
          name,
          root: `${group}/${name}`,
          include: ['src/**/*.test.ts'],
          // Type tests (`*.test-d.ts`, expectTypeOf) pin each package's public surface; tsc checks them.
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      })),
      // Repository scripts (the CI checks) and their tests.
      { extends: true, test: { name: 'scripts', root: 'scripts', include: ['__tests__/*.test.ts'] } },
    ],
  },
});
