import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';

/** The files the README's table of `folder` names (first column, with `.bin`, `.vec` shorthands expanded). */
function listedFiles(folder: string): string[] {
  const readme = readFileSync(fixture('README.md'), 'utf8');
  const section = readme.split(`## ${folder}/`)[1]?.split('\n## ')[0] ?? '';
  const names: string[] = [];
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const cell = row.split('|')[1] ?? '';
    let stem = '';
    for (const [, name] of cell.matchAll(/`([^`]+)`/g)) {
      if (name!.startsWith('.')) names.push(stem + name);
      else {
        names.push(name!);
        stem = name!.replace(/\.[^.]+$/, '');
      }
    }
  }
  return names.filter((name) => !name.includes('*'));
}

describe('fixtures/', () => {
  for (const folder of ['corpora', 'reference']) {
    it(`${folder}/: every file the README lists is there and not empty, and every file there is listed`, () => {
      const listed = listedFiles(folder);
      expect(listed.length).toBeGreaterThan(0);
      for (const name of listed) expect(statSync(fixture(folder, name)).size, name).toBeGreaterThan(0);
      const patterns = readFileSync(fixture('README.md'), 'utf8').match(/`ft-lee-\*\.[^`]+`/g) ?? [];
      const wildcard = patterns.map(
        (p) => new RegExp(`^${p.slice(1, -1).replace(/\./g, '\\.').replace('*', '.+')}$`),
      );
      for (const name of readdirSync(fixture(folder))) {
        expect(
          listed.includes(name) || wildcard.some((re) => re.test(name)),
          `${name} is not in the README`,
        ).toBe(true);
      }
    });
  }
});
