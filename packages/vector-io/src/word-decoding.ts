/**
 * Words from bytes in a chosen text encoding, with gensim's `encoding` / `unicode_errors` choices:
 * UTF-8 (the default) or a single-byte legacy encoding (Python's `cp852`, `cp1251`, `latin-1`,
 * `koi8-r`, …), and `strict` / `replace` / `ignore` / `backslashreplace` handling of bytes that
 * are not valid in it.
 */
import { ConfigError } from '@embedkit/core-math';

/**
 * What to do with bytes that are not valid in the encoding, as Python's `errors=` argument (which
 * gensim's `unicode_errors` passes on): `strict` refuses the word (the reader reports where),
 * `replace` puts U+FFFD for each invalid sequence, `ignore` drops it, `backslashreplace` writes
 * each invalid byte as `\xNN` (what gensim's fastText `.bin` loader falls back to).
 */
export type UnicodeErrors = 'strict' | 'replace' | 'ignore' | 'backslashreplace';

/** Every {@link UnicodeErrors} value. */
export const UNICODE_ERRORS: readonly UnicodeErrors[] = ['strict', 'replace', 'ignore', 'backslashreplace'];

/** The text-encoding options every reader takes. */
export interface TextEncodingOptions {
  /**
   * The encoding of the words (default `utf-8`): `utf-8`, or a single-byte encoding by its Python
   * or WHATWG name — `cp852`, `cp1250` to `cp1258` (`windows-125x`), `latin-1` (ISO-8859-1 as in
   * Python: bytes 0x80–0x9F are C1 controls), `ascii`, `iso-8859-2` to `-16`, `koi8-r`, `koi8-u`,
   * `cp866`/`ibm866`, `mac-roman`/`macintosh`, `x-mac-cyrillic`, `cp874`.
   */
  readonly encoding?: string;
  /** What to do with bytes that are not valid in `encoding` (default `strict`). */
  readonly unicodeErrors?: UnicodeErrors;
}

/** Decodes the bytes of a word. */
export interface WordDecoder {
  /** The encoding's name, for error messages (`UTF-8`, `cp852`, `windows-1251`, …). */
  readonly encoding: string;
  /**
   * Decodes `bytes[start, end)`. Returns `undefined` only under `strict` when the bytes are not
   * valid in the encoding (the caller reports where).
   */
  decode(bytes: Uint8Array, start: number, end: number): string | undefined;
}

const REPLACEMENT = '\uFFFD';
/** Longest ASCII word decoded through `String.fromCharCode` rather than a `TextDecoder`. */
const SHORT_WORD = 64;

function asciiRun(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (end - start > SHORT_WORD) return undefined;
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return undefined;
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

function escapeBytes(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
  return text;
}

/** What an invalid sequence of bytes becomes under each non-strict policy. */
function substitute(policy: Exclude<UnicodeErrors, 'strict'>, bytes: Uint8Array, start: number, end: number) {
  if (policy === 'replace') return REPLACEMENT;
  return policy === 'ignore' ? '' : escapeBytes(bytes, start, end);
}

/**
 * The length of the valid UTF-8 sequence at `bytes[i]`, or minus the length of its maximal invalid
 * subpart (Unicode's "substitution of maximal subparts", which Python's and the WHATWG decoders
 * both follow).
 */
function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let trailing: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    trailing = 2;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    trailing = 3;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return -1;
  let j = i + 1;
  for (let k = 0; k < trailing; k++, j++) {
    const byte = j < end ? bytes[j]! : -1;
    if (byte < low || byte > high) return -(j - i);
    low = 0x80;
    high = 0xbf;
  }
  return j - i;
}

function utf8Decoder(policy: UnicodeErrors): WordDecoder {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return {
    encoding: 'UTF-8',
    decode(bytes, start, end) {
      const ascii = asciiRun(bytes, start, end);
      if (ascii !== undefined) return ascii;
      try {
        return strict.decode(bytes.subarray(start, end));
      } catch {
        if (policy === 'strict') return undefined;
      }
      let text = '';
      let run = start;
      let i = start;
      while (i < end) {
        const length = utf8SequenceLength(bytes, i, end);
        if (length > 0) {
          i += length;
          continue;
        }
        text += strict.decode(bytes.subarray(run, i)) + substitute(policy, bytes, i, i - length);
        i -= length;
        run = i;
      }
      return text + strict.decode(bytes.subarray(run, end));
    },
  };
}

/** A single-byte encoding as 256 code points (-1 for a byte the encoding leaves undefined). */
function singleByteDecoder(encoding: string, table: Int32Array, policy: UnicodeErrors): WordDecoder {
  return {
    encoding,
    decode(bytes, start, end) {
      const ascii = asciiRun(bytes, start, end);
      if (ascii !== undefined) return ascii;
      let text = '';
      for (let i = start; i < end; i++) {
        const code = table[bytes[i]!]!;
        if (code >= 0) text += String.fromCharCode(code);
        else if (policy === 'strict') return undefined;
        else text += substitute(policy, bytes, i, i + 1);
      }
      return text;
    },
  };
}

/** Bytes 0x80–0xFF of IBM code page 852 (DOS Latin-2), as Python's `cp852` codec maps them. */
const CP852_HIGH = [
  0xc7, 0xfc, 0xe9, 0xe2, 0xe4, 0x16f, 0x107, 0xe7, 0x142, 0xeb, 0x150, 0x151, 0xee, 0x179, 0xc4, 0x106, 0xc9,
  0x139, 0x13a, 0xf4, 0xf6, 0x13d, 0x13e, 0x15a, 0x15b, 0xd6, 0xdc, 0x164, 0x165, 0x141, 0xd7, 0x10d, 0xe1,
  0xed, 0xf3, 0xfa, 0x104, 0x105, 0x17d, 0x17e, 0x118, 0x119, 0xac, 0x17a, 0x10c, 0x15f, 0xab, 0xbb, 0x2591,
  0x2592, 0x2593, 0x2502, 0x2524, 0xc1, 0xc2, 0x11a, 0x15e, 0x2563, 0x2551, 0x2557, 0x255d, 0x17b, 0x17c,
  0x2510, 0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x102, 0x103, 0x255a, 0x2554, 0x2569, 0x2566,
  0x2560, 0x2550, 0x256c, 0xa4, 0x111, 0x110, 0x10e, 0xcb, 0x10f, 0x147, 0xcd, 0xce, 0x11b, 0x2518, 0x250c,
  0x2588, 0x2584, 0x162, 0x16e, 0x2580, 0xd3, 0xdf, 0xd4, 0x143, 0x144, 0x148, 0x160, 0x161, 0x154, 0xda,
  0x155, 0x170, 0xfd, 0xdd, 0x163, 0xb4, 0xad, 0x2dd, 0x2db, 0x2c7, 0x2d8, 0xa7, 0xf7, 0xb8, 0xb0, 0xa8,
  0x2d9, 0x171, 0x158, 0x159, 0x25a0, 0xa0,
];

/** A table whose bytes below 0x80 are ASCII and whose bytes from 0x80 come from `high(byte)`. */
function asciiBasedTable(high: (byte: number) => number): Int32Array {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte++) table[byte] = byte < 0x80 ? byte : high(byte);
  return table;
}

/** The single-byte encodings of the WHATWG Encoding standard (what `TextDecoder` knows). */
const WHATWG_SINGLE_BYTE = /^(ibm866|iso-8859-\d+|koi8-[ru]|macintosh|windows-\d+|x-mac-cyrillic)$/;

/** Bytes 0x80–0x9F of Windows-1252 as Python's `cp1252` maps them (0xA0–0xFF are Latin-1). */
const CP1252_C1 = [
  0x20ac, -1, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, -1, 0x17d,
  -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, -1,
  0x17e, 0x178,
];

/** A code point that a Windows code page table in Python leaves undefined where WHATWG fills a gap. */
function isWindowsGap(code: number): boolean {
  return (code >= 0x80 && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff);
}

/** Other bytes a Python code page leaves undefined where the runtime's table maps them. */
const PYTHON_UNDEFINED = new Map<string, readonly number[]>([['windows-1253', [0xaa]]]);

/**
 * The table of a WHATWG single-byte encoding, decoding each byte alone. For the Windows code pages,
 * the bytes WHATWG maps to C1 controls or private-use characters are undefined, as in Python's
 * `cp125x` codecs (which raise on them).
 */
function whatwgTable(decoder: InstanceType<typeof TextDecoder>): Int32Array {
  const windows = decoder.encoding.startsWith('windows-');
  const undefinedBytes = PYTHON_UNDEFINED.get(decoder.encoding) ?? [];
  return asciiBasedTable((byte) => {
    if (undefinedBytes.includes(byte)) return -1;
    let code: number;
    try {
      code = decoder.decode(Uint8Array.of(byte)).charCodeAt(0);
    } catch {
      return -1;
    }
    return windows && isWindowsGap(code) ? -1 : code;
  });
}

/** Python codec names whose WHATWG label means something else, or that WHATWG lacks. */
const PYTHON_TABLES = new Map<string, () => Int32Array>([
  ['ascii', () => asciiBasedTable(() => -1)],
  ['latin-1', () => asciiBasedTable((byte) => byte)],
  ['cp852', () => asciiBasedTable((byte) => CP852_HIGH[byte - 0x80]!)],
  // Node's TextDecoder reads windows-1252 as Latin-1, which differs in 0x80–0x9F.
  ['windows-1252', () => asciiBasedTable((byte) => (byte < 0xa0 ? CP1252_C1[byte - 0x80]! : byte))],
]);

const ALIASES = new Map<string, string>([
  ['utf8', 'utf-8'],
  ['u8', 'utf-8'],
  ['utf', 'utf-8'],
  ['us-ascii', 'ascii'],
  ['646', 'ascii'],
  ['latin1', 'latin-1'],
  ['latin', 'latin-1'],
  ['l1', 'latin-1'],
  ['iso-8859-1', 'latin-1'],
  ['iso8859-1', 'latin-1'],
  ['8859', 'latin-1'],
  ['cp819', 'latin-1'],
  ['852', 'cp852'],
  ['ibm852', 'cp852'],
  ['cp866', 'ibm866'],
  ['866', 'ibm866'],
  ['mac-roman', 'macintosh'],
  ['maccyrillic', 'x-mac-cyrillic'],
  ['mac-cyrillic', 'x-mac-cyrillic'],
  ['cp874', 'windows-874'],
]);

/** The canonical name of an encoding as Python spells it (`UTF_8`, `CP852`, `windows_1251` …). */
function canonicalName(encoding: string): string {
  const name = encoding.trim().toLowerCase().replaceAll('_', '-');
  const windows = /^cp(125\d)$/.exec(name);
  if (windows) return `windows-${windows[1]}`;
  return ALIASES.get(name) ?? name;
}

const EXPECTED_ENCODING =
  "'utf-8' or a single-byte encoding such as 'cp852', 'cp1251', 'latin-1', 'koi8-r' (multi-byte legacy encodings are not supported)";

function requireUnicodeErrors(value: unknown): UnicodeErrors {
  if (value === undefined) return 'strict';
  if (!(UNICODE_ERRORS as readonly unknown[]).includes(value)) {
    throw new ConfigError('unicodeErrors', value, `one of ${UNICODE_ERRORS.map((e) => `'${e}'`).join(', ')}`);
  }
  return value as UnicodeErrors;
}

/**
 * The decoder for {@link TextEncodingOptions}: validates the options once, before a file is read.
 *
 * @throws ConfigError for an unknown or unsupported encoding, or an unknown `unicodeErrors`
 */
export function createWordDecoder(options: TextEncodingOptions = {}): WordDecoder {
  const policy = requireUnicodeErrors(options.unicodeErrors);
  const { encoding = 'utf-8' } = options;
  if (typeof encoding !== 'string') throw new ConfigError('encoding', encoding, EXPECTED_ENCODING);
  const name = canonicalName(encoding);
  if (name === 'utf-8') return utf8Decoder(policy);
  const python = PYTHON_TABLES.get(name);
  if (python) return singleByteDecoder(name, python(), policy);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name, { fatal: true });
  } catch {
    throw new ConfigError('encoding', encoding, EXPECTED_ENCODING);
  }
  if (decoder.encoding === 'utf-8') return utf8Decoder(policy);
  if (!WHATWG_SINGLE_BYTE.test(decoder.encoding))
    throw new ConfigError('encoding', encoding, EXPECTED_ENCODING);
  return singleByteDecoder(decoder.encoding, whatwgTable(decoder), policy);
}
