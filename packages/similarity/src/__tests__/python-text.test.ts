import { describe, expect, it } from 'vitest';
import { parsePythonFloat, splitWhitespace, stripWhitespace } from '../python-text.js';

describe("Python's float()", () => {
  it.each([
    ['6.77', 6.77],
    [' 10.00\n', 10],
    ['+.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-2E-2', -0.02],
    ['1_000.5', 1000.5],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['inf', Number.POSITIVE_INFINITY],
  ])('parses %j', (text, value) => {
    expect(parsePythonFloat(text)).toBe(value);
  });

  it('parses nan', () => {
    expect(parsePythonFloat('NaN')).toBeNaN();
  });

  it.each(['', '  ', '0x10', '1__0', '_1', '1_', '1.5.2', 'e5', '7,5', 'seven'])('rejects %j', (text) => {
    expect(parsePythonFloat(text)).toBeUndefined();
  });
});

describe("Python's str.split() and str.strip()", () => {
  it('split on runs of Unicode whitespace, without empty fields', () => {
    expect(splitWhitespace('  Athens\tGreece \u00a0Baghdad\u2003Iraq\r')).toEqual([
      'Athens',
      'Greece',
      'Baghdad',
      'Iraq',
    ]);
    expect(splitWhitespace('a\x1cb\x85c')).toEqual(['a', 'b', 'c']);
    expect(splitWhitespace('   ')).toEqual([]);
  });

  it('do not treat the byte-order mark as whitespace (Python does not)', () => {
    expect(splitWhitespace('\ufeffa b')).toEqual(['\ufeffa', 'b']);
    expect(stripWhitespace(' \ufeff x \n')).toBe('\ufeff x');
  });
});
