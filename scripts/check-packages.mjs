#!/usr/bin/env node
// Checks that every published workspace package (packages/*, apps/*; not "private") carries what
// its npm page and tarball need:
// - package.json: description, keywords, license, repository (with its folder), homepage, bugs,
//   engines and publishConfig, the shared ones equal to the root package.json's;
// - README.md with an install line (`npm install NAME`), an example and a link to the docs;
// - LICENSE identical to the root LICENSE; and both files in the packed tarball (`npm pack --dry-run`).
// Usage: node scripts/check-packages.mjs [--fix]
//   --fix writes the fields derived from the root (repository, homepage, bugs, license, engines,
//   publishConfig) and copies the LICENSE; keywords and the README are written by hand.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const fix = process.argv.includes('--fix');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const root = readJson(join(ROOT, 'package.json'));
const rootLicense = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
const repositoryUrl = root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The fields every package shares with the root, for the package in `folder` (e.g. `packages/corpus`). */
function derivedFields(folder) {
  return {
    license: root.license,
    repository: { ...root.repository, directory: folder },
    homepage: `${repositoryUrl}/tree/main/${folder}#readme`,
    bugs: root.bugs,
    engines: root.engines,
    publishConfig: { access: 'public' },
  };
}

/** The files `npm pack` would put in the tarball of the package in `dir`. */
function packedFiles(dir) {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Set(JSON.parse(output)[0].files.map((file) => file.path));
}

const folders = ['packages', 'apps'].flatMap((group) =>
  existsSync(join(ROOT, group))
    ? readdirSync(join(ROOT, group))
        .map((name) => `${group}/${name}`)
        .filter((folder) => existsSync(join(ROOT, folder, 'package.json')))
    : [],
);

const problems = [];
let published = 0;
for (const folder of folders) {
  const dir = join(ROOT, folder);
  const manifestPath = join(dir, 'package.json');
  const manifest = readJson(manifestPath);
  if (manifest.private) continue;
  published++;
  const where = `${manifest.name} (${folder})`;
  const derived = derivedFields(folder);
  if (fix) {
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, ...derived }, null, 2)}\n`);
    copyFileSync(join(ROOT, 'LICENSE'), join(dir, 'LICENSE'));
  }
  const current = readJson(manifestPath);
  for (const [field, value] of Object.entries(derived)) {
    if (JSON.stringify(current[field]) !== JSON.stringify(value)) {
      problems.push(`${where}: package.json ${field} should be ${JSON.stringify(value)} (--fix writes it)`);
    }
  }
  if (typeof current.description !== 'string' || current.description.length < 20) {
    problems.push(`${where}: package.json needs a description`);
  }
  if (!Array.isArray(current.keywords) || current.keywords.length < 3) {
    problems.push(`${where}: package.json needs at least 3 keywords`);
  }
  const licensePath = join(dir, 'LICENSE');
  if (!existsSync(licensePath) || readFileSync(licensePath, 'utf8') !== rootLicense) {
    problems.push(`${where}: LICENSE missing or different from the root LICENSE (--fix copies it)`);
  }
  const readmePath = join(dir, 'README.md');
  if (!existsSync(readmePath)) {
    problems.push(`${where}: README.md missing (what it is, install, an example, a link to the docs)`);
  } else {
    const readme = readFileSync(readmePath, 'utf8');
    if (
      !readme.includes(`npm install ${manifest.name}`) &&
      !readme.includes(`npm install -g ${manifest.name}`)
    ) {
      problems.push(`${where}: README.md does not say \`npm install ${manifest.name}\``);
    }
    if (!/^```(?:ts|typescript|sh)\b/m.test(readme)) problems.push(`${where}: README.md has no example`);
    if (!readme.includes(`${repositoryUrl}/blob/main/docs/`)) {
      problems.push(`${where}: README.md has no link to its page in ${repositoryUrl}/blob/main/docs/`);
    }
  }
  const packed = packedFiles(dir);
  for (const file of ['README.md', 'LICENSE', 'package.json']) {
    if (!packed.has(file)) problems.push(`${where}: ${file} is not in the packed tarball`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(
    `\n${problems.length} package metadata problem(s) in ${relative(process.cwd(), ROOT) || '.'}`,
  );
  process.exit(1);
}
console.log(`packages: ${published} published packages have README, LICENSE and npm metadata`);
