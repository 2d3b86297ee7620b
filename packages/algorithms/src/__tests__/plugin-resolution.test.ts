import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pluginSpecifier } from '../plugin-resolution.js';

let project = '';

async function writePackage(name: string, manifest: object): Promise<string> {
  const root = join(project, 'node_modules', name);
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify({ name, ...manifest }));
  return root;
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'embedkit-plugin-resolution-'));
  await mkdir(join(project, 'src', 'deep'), { recursive: true });
});

afterAll(async () => {
  if (project !== '') await rm(project, { recursive: true, force: true });
});

describe('pluginSpecifier', () => {
  it('resolves a path against the working directory', () => {
    expect(pluginSpecifier('./algo.mjs', project)).toBe(pathToFileURL(join(project, 'algo.mjs')).href);
  });

  it("finds a package in the working directory's node_modules or a parent's, through its exports", async () => {
    const root = await writePackage('@lab/algos', {
      exports: {
        '.': { require: './index.cjs', import: { types: './index.d.ts', default: './index.mjs' } },
        './extra': './extra.mjs',
      },
    });
    const cwd = join(project, 'src', 'deep');
    expect(pluginSpecifier('@lab/algos', cwd)).toBe(pathToFileURL(join(root, 'index.mjs')).href);
    expect(pluginSpecifier('@lab/algos/extra', cwd)).toBe(pathToFileURL(join(root, 'extra.mjs')).href);
  });

  it('falls back on module, main, then index.js for a package without exports', async () => {
    const withModule = await writePackage('with-module', { module: 'esm.js', main: 'cjs.js' });
    const withMain = await writePackage('with-main', { main: 'lib/main.js' });
    const bare = await writePackage('bare', {});
    expect(pluginSpecifier('with-module', project)).toBe(pathToFileURL(join(withModule, 'esm.js')).href);
    expect(pluginSpecifier('with-main', project)).toBe(pathToFileURL(join(withMain, 'lib/main.js')).href);
    expect(pluginSpecifier('bare', project)).toBe(pathToFileURL(join(bare, 'index.js')).href);
  });

  it("leaves a name no folder above the working directory has to the caller's own resolution", () => {
    expect(pluginSpecifier('not-installed-anywhere-xyz', project)).toBe('not-installed-anywhere-xyz');
  });
});
