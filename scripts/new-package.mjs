#!/usr/bin/env node
// Scaffolds a package or app with the shared shape (tsup ESM+CJS+d.ts, exports map with a
// source condition, strict tsconfig) and what publishing needs (a README to complete, the LICENSE,
// the metadata shared with the root: scripts/check-packages.mjs --fix).
// Usage: node scripts/new-package.mjs packages/NAME "description" dep1 dep2
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const [dir, description, ...deps] = process.argv.slice(2);
if (!dir || !description) {
  console.error('usage: node scripts/new-package.mjs packages/NAME "description" [internal deps...]');
  process.exit(2);
}
const name = basename(dir);
// Apps (apps/*) run in Node only; library packages (packages/*) get a browser entry.
const isApp = dir.replace(/\\/g, '/').split('/').includes('apps');
const pkg = {
  name: `@embedkit/${name}`,
  version: '0.0.0',
  description,
  license: 'Apache-2.0',
  type: 'module',
  keywords: ['embeddings', 'nlp'],
  sideEffects: false,
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
const rootManifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const repositoryUrl = rootManifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
if (!existsSync(join(dir, 'README.md'))) {
  writeFileSync(
    join(dir, 'README.md'),
    `# @embedkit/${name}

${description}

## Install

\`\`\`sh
npm install @embedkit/${name}
\`\`\`

## Example

\`\`\`ts runnable
import {} from '@embedkit/${name}';
\`\`\`

## Documentation

[docs/${name}.md](${repositoryUrl}/blob/main/docs/${name}.md)
`,
  );
}
// Shared metadata and the LICENSE; then lists what is left to write by hand (keywords, README).
try {
  execFileSync(process.execPath, [new URL('./check-packages.mjs', import.meta.url).pathname, '--fix'], {
    stdio: 'inherit',
  });
} catch {
  console.error(`complete ${dir}/README.md and the keywords in ${dir}/package.json`);
}
