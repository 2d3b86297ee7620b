import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { requireBuiltCli, runCli } from './built-cli.js';

const CP852 = fixture('gensim-test-data', 'cp852_fasttext.bin');

describe('embedkit --encoding / --unicode-errors', () => {
  beforeAll(requireBuiltCli);

  it("reads gensim's cp852_fasttext.bin (old fastText layout) with --encoding cp852", async () => {
    const result = await runCli(['info', CP852, '--encoding', 'cp852', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout) as { format: string; vocabulary: number; firstWords: string[] };
    expect(info).toMatchObject({ format: 'fasttext-bin', vocabulary: 171 });
    expect(info.firstWords.slice(0, 3)).toEqual(['ji', 'který', 'jen']);
  });

  it('refuses the file as UTF-8 in one line naming the file and byte (exit 1)', async () => {
    const result = await runCli(['similarity', CP852, 'ji', 'jen']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^embedkit: .*cp852_fasttext\.bin, byte 88: expected entry 1 in UTF-8.*\n$/,
    );
  });

  it('takes --unicode-errors, and refuses an unknown encoding or policy', async () => {
    const replaced = await runCli(['info', CP852, '--unicode-errors', 'backslashreplace', '--json']);
    expect((JSON.parse(replaced.stdout) as { firstWords: string[] }).firstWords[1]).toBe('kter\\xec');
    const encoding = await runCli(['neighbors', CP852, 'ji', '--encoding', 'klingon']);
    expect(encoding.code).toBe(1);
    expect(encoding.stderr).toMatch(
      /^embedkit: option encoding: got "klingon", expected 'utf-8', a single-byte encoding/,
    );
    const policy = await runCli(['info', CP852, '--unicode-errors', 'nope']);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toMatch(/Allowed choices are strict, replace, ignore, backslashreplace/);
  });
});
