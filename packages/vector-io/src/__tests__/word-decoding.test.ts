import { ConfigError, FormatError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { describeIf, hasGensim, runPython } from '#test-utils/fixtures.js';
import { createWordDecoder, parseVectors, type UnicodeErrors } from '../index.js';
import { concat, float32Bytes } from './bytes.js';

function decode(bytes: readonly number[], encoding: string, unicodeErrors?: UnicodeErrors) {
  const array = Uint8Array.from(bytes);
  return createWordDecoder({ encoding, ...(unicodeErrors ? { unicodeErrors } : {}) }).decode(
    array,
    0,
    array.length,
  );
}

describe('createWordDecoder', () => {
  // Expected strings: Python 3's bytes.decode('utf-8', errors) on the same bytes.
  const invalidUtf8: Array<[number[], string, string, string]> = [
    [[0x61, 0xe0, 0x80, 0x62], 'a\uFFFD\uFFFDb', 'ab', 'a\\xe0\\x80b'],
    [[0xf0, 0x9f, 0x98], '\uFFFD', '', '\\xf0\\x9f\\x98'],
    [[0x78, 0xff, 0x79, 0xc3], 'x\uFFFDy\uFFFD', 'xy', 'x\\xffy\\xc3'],
    [[0xed, 0xa0, 0x80, 0x7a], '\uFFFD\uFFFD\uFFFDz', 'z', '\\xed\\xa0\\x80z'],
    [[0x6f, 0x6b, 0xf4, 0x90, 0x80, 0x80], 'ok\uFFFD\uFFFD\uFFFD\uFFFD', 'ok', 'ok\\xf4\\x90\\x80\\x80'],
  ];

  it.each(invalidUtf8)('decodes invalid UTF-8 %j as Python does', (bytes, replaced, ignored, escaped) => {
    expect(decode(bytes, 'utf-8')).toBeUndefined();
    expect(decode(bytes, 'utf-8', 'replace')).toBe(replaced);
    expect(decode(bytes, 'utf8', 'ignore')).toBe(ignored);
    expect(decode(bytes, 'UTF_8', 'backslashreplace')).toBe(escaped);
  });

  it('decodes valid UTF-8 the same under every policy', () => {
    for (const policy of ['strict', 'replace', 'ignore', 'backslashreplace'] as const) {
      expect(decode([0x63, 0x61, 0x66, 0xc3, 0xa9], 'utf-8', policy)).toBe('café');
    }
  });

  it('decodes legacy single-byte encodings by their Python names', () => {
    expect(decode([0xec, 0xe8, 0xf0], 'cp1251')).toBe('мир');
    expect(decode([0xa0, 0xe9], 'cp852')).toBe('áÚ');
    expect(decode([0x80, 0x9f, 0xff], 'latin-1')).toBe('\x80\x9f\xff');
    expect(decode([0x80, 0x9f], 'cp1252')).toBe('€Ÿ');
    expect(decode([0xc1, 0xd7], 'KOI8_R')).toBe('ав');
  });

  it('treats bytes a code page leaves undefined as Python does', () => {
    expect(decode([0x98], 'cp1251')).toBeUndefined();
    expect(decode([0x61, 0x98], 'cp1251', 'replace')).toBe('a\uFFFD');
    expect(decode([0x61, 0x98], 'cp1251', 'ignore')).toBe('a');
    expect(decode([0x61, 0x98], 'cp1251', 'backslashreplace')).toBe('a\\x98');
    expect(decode([0x61, 0x80], 'ascii')).toBeUndefined();
  });

  it('refuses unknown encodings, multi-byte legacy encodings and unknown policies with ConfigError', () => {
    expect(() => createWordDecoder({ encoding: 'klingon' })).toThrow(ConfigError);
    expect(() => createWordDecoder({ encoding: 'gbk' })).toThrow(/single-byte encoding/);
    expect(() => createWordDecoder({ unicodeErrors: 'surrogateescape' as UnicodeErrors })).toThrow(
      /unicodeErrors/,
    );
  });
});

describeIf(hasGensim, 'Python 3 is needed to compare code pages')('code pages against Python', () => {
  const encodings = [
    'cp852',
    'cp1250',
    'cp1251',
    'cp1252',
    'cp1253',
    'cp1254',
    'cp1255',
    'cp1256',
    'cp1257',
    'cp1258',
    'cp874',
    'cp866',
    'koi8_r',
    'koi8_u',
    'iso8859_2',
    'iso8859_5',
    'iso8859_7',
    'iso8859_15',
    'mac_roman',
    'mac_cyrillic',
    'latin_1',
    'ascii',
  ];

  it('maps every byte of each code page as Python 3 does', () => {
    const python = JSON.parse(
      runPython(
        `import json, sys
def code(b, e):
    try: return ord(bytes([b]).decode(e))
    except UnicodeDecodeError: return -1
print(json.dumps({e: [code(b, e) for b in range(256)] for e in sys.argv[1:]}))`,
        encodings,
      ),
    ) as Record<string, number[]>;
    for (const encoding of encodings) {
      const decoder = createWordDecoder({ encoding });
      const ours = Array.from({ length: 256 }, (_, byte) => {
        const text = decoder.decode(Uint8Array.of(byte), 0, 1);
        return text === undefined ? -1 : text.charCodeAt(0);
      });
      expect({ encoding, table: ours }).toEqual({ encoding, table: python[encoding] });
    }
  });
});

describe('readers with an encoding', () => {
  // "мир" in cp1251, then a one-dimensional vector.
  const cp1251Text = concat('1 1\n', [0xec, 0xe8, 0xf0], ' 0.5\n');

  it('read a cp1251 word2vec text file', () => {
    const vectors = parseVectors(cp1251Text, { encoding: 'cp1251' });
    expect(vectors.keyList()).toEqual(['мир']);
    expect(Array.from(vectors.vector('мир')!)).toEqual([0.5]);
  });

  it('refuse the same file as UTF-8 with the line and the encoding, or replace as asked', () => {
    expect(() => parseVectors(cp1251Text, { file: 'ru.txt' })).toThrow(
      /ru\.txt, line 2: expected a word in valid UTF-8/,
    );
    expect(parseVectors(cp1251Text, { unicodeErrors: 'replace' }).keyList()).toEqual(['\uFFFD\uFFFD\uFFFD']);
  });

  it('read a cp852 word2vec binary file and report a byte invalid in ascii with its offset', () => {
    const binary = concat('1 2\n', [0xa0, 0xe9], ' ', float32Bytes(1, 2), '\n');
    expect(parseVectors(binary, { encoding: 'cp852', format: 'word2vec-binary' }).keyList()).toEqual(['áÚ']);
    let error: unknown;
    try {
      parseVectors(binary, { encoding: 'ascii', format: 'word2vec-binary' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toMatch(/byte 4: expected a word in valid ascii/);
  });
});
