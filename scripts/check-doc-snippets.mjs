#!/usr/bin/env node
// Docs that run: extracts every TypeScript snippet (```ts / ```typescript) of README.md, docs/*.md
// and each package's README.md, type-checks them all with the repository's strict settings, and
// executes the ones whose fence says `runnable` (```ts runnable) against the repository's fixtures.
//
// The snippets live in .snippets/ (not committed), one module per snippet, next to
// - node_modules/@embedkit/*: the workspace packages, resolved to their sources (as the tests do);
// - the files the docs name, linked to fixtures (FIXTURE_FILES below): a runnable snippet reads
//   `corpus.txt` or `vectors.bin` as a user would read their own files.
// Usage: node scripts/check-doc-snippets.mjs [--no-run]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const WORK = join(ROOT, '.snippets');
const RUN_TIMEOUT_MS = 180_000;

/** The files runnable snippets read, by the name the docs use, and the repository file behind each. */
const FIXTURE_FILES = new Map([
  ['corpus.txt', 'fixtures/corpora/lee_background.cor'],
  ['vectors.bin', 'fixtures/reference/w2v-lee-sg.bin'],
  ['vectors.txt', 'fixtures/reference/w2v-lee-cbow.txt'],
  ['glove.txt', 'fixtures/reference/glove-lee.txt'],
  ['model.bin', 'fixtures/reference/ft-lee-sg.bin'],
  ['model.vec', 'fixtures/reference/ft-lee-sg.vec'],
  ['sentences.txt', 'fixtures/reference/sentence-probe.txt'],
  ['questions-words.txt', 'packages/datasets/data/eval/questions-words.txt'],
  ['wordsim353.tsv', 'packages/datasets/data/eval/wordsim353.tsv'],
  ['my-algorithm.mjs', 'apps/bench/examples/random-indexing.mjs'],
]);

/** The Markdown files whose snippets are checked. */
function markdownFiles() {
  const files = ['README.md'];
  for (const name of readdirSync(join(ROOT, 'docs')).sort())
    if (name.endsWith('.md')) files.push(`docs/${name}`);
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group)).sort()) {
      if (existsSync(join(ROOT, group, name, 'README.md'))) files.push(`${group}/${name}/README.md`);
    }
  }
  return files;
}

/** The TypeScript snippets of `file`: code, the line of its fence, and whether it is runnable. */
function snippetsOf(file) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const snippets = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const code = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
    snippets.push({ file, line: start + 1, runnable: /\brunnable\b/.test(fence[2]), code: code.join('\n') });
  }
  return snippets;
}

/** The workspace packages by name, with their folders. */
function workspacePackages() {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(ROOT, group))
      .filter((name) => existsSync(join(ROOT, group, name, 'package.json')))
      .map((name) => ({
        name: JSON.parse(readFileSync(join(ROOT, group, name, 'package.json'), 'utf8')).name,
        folder: join(ROOT, group, name),
      })),
  );
}

function link(target, path) {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(relative(dirname(path), target), path);
}

/** Lays out .snippets/ afresh and returns the snippets with the module file each was written to. */
function prepare() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  for (const { name, folder } of workspacePackages()) link(folder, join(WORK, 'node_modules', name));
  for (const [name, file] of FIXTURE_FILES) link(join(ROOT, file), join(WORK, name));
  writeFileSync(
    join(WORK, 'tsconfig.json'),
    `${JSON.stringify({ extends: '../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['*.ts'] }, null, 2)}\n`,
  );
  const snippets = markdownFiles().flatMap(snippetsOf);
  return snippets.map((snippet) => {
    const module = `${snippet.file.replace(/[/.]/g, '_')}_${snippet.line}.ts`;
    const header = `// ${snippet.file}:${snippet.line}\n`;
    // `export {}` makes every snippet a module of its own (top-level await, no shared names).
    writeFileSync(join(WORK, module), `${header}${snippet.code}\nexport {};\n`);
    return { ...snippet, module };
  });
}

const snippets = prepare();
const where = (snippet) => `${snippet.file}:${snippet.line}`;
console.log(
  `doc snippets: ${snippets.length} TypeScript snippets, ${snippets.filter((s) => s.runnable).length} runnable`,
);

let failures = 0;
const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', WORK], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (tsc.status !== 0) {
  failures++;
  const byModule = new Map(snippets.map((snippet) => [snippet.module, snippet]));
  for (const line of `${tsc.stdout}${tsc.stderr}`.trim().split('\n')) {
    const match = /^\.snippets\/([^(]+)\((\d+),(\d+)\)(.*)$/.exec(line);
    const snippet = match ? byModule.get(match[1]) : undefined;
    // Line 1 of a module is its header: line n of the module is line n - 1 of the snippet.
    console.error(snippet ? `${snippet.file}:${snippet.line + Number(match[2]) - 1}${match[4]}` : line);
  }
} else {
  console.log('doc snippets: all type-check (strict)');
}

if (!process.argv.includes('--no-run')) {
  for (const snippet of snippets.filter((s) => s.runnable)) {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      ['--conditions=@embedkit/source', '--import', 'tsx', join(WORK, snippet.module)],
      {
        cwd: WORK,
        encoding: 'utf8',
        timeout: RUN_TIMEOUT_MS,
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (run.status === 0) {
      console.log(`ran ${where(snippet)} (${seconds} s)`);
    } else {
      failures++;
      console.error(`FAILED ${where(snippet)} (exit ${run.status ?? run.signal}, ${seconds} s)`);
      console.error(`${run.stdout}${run.stderr}`.trim().split('\n').slice(-15).join('\n'));
    }
  }
}

if (failures > 0) process.exit(1);
