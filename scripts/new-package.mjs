#!/usr/bin/env node
// Scaffolds a package or app with the shared shape (tsup ESM+CJS+d.ts, exports map with a
// source condition, strict tsconfig). Usage: node scripts/new-package.mjs packages/NAME "description" dep1 dep2
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

const [dir, description, ...deps] = process.argv.slice(2);
if (!dir || !description) {
  console.error('usage: node scripts/new-package.mjs packages/NAME "description" [internal deps...]');
  process.exit(2);
}
const name = basename(dir);
const isApp = dir.startsWith('apps/');
const pkg = {
  name: `@embedkit/${name}`,
  version: '0.0.0',
  description,
  license: 'Apache-2.0',
  type: 'module',
  sideEffects: false,
  ...(isApp ? { private: true } : {}),
  exports: {
    '.': {
      '@embedkit/source': './src/index.ts',
      // The root is the browser entry too until the package needs a src/browser.ts (docs/architecture.md).
      ...(isApp ? {} : { browser: { types: './dist/index.d.ts', default: './dist/index.js' } }),
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  files: ['dist', 'src', '!src/**/__tests__'],
  engines: { node: '>=20.19' },
  scripts: {
    build: 'tsup',
    typecheck: 'tsc --noEmit -p tsconfig.json',
    test: `vitest run --root ../.. --project ${name}`,
    'check:publish': 'publint --strict && attw --pack . --profile node16',
  },
  dependencies: Object.fromEntries(deps.map((d) => [`@embedkit/${d}`, 'workspace:*'])),
};
mkdirSync(join(dir, 'src', '__tests__'), { recursive: true });
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  join(dir, 'tsconfig.json'),
  `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }, null, 2)}\n`,
);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  `import { libraryConfig } from '../../tsup.base.js';\n\nexport default libraryConfig();\n`,
);
if (!existsSync(join(dir, 'src', 'index.ts'))) writeFileSync(join(dir, 'src', 'index.ts'), '');
