/**
 * How word2vec's generated files are made from their one definition each: the header layout of
 * the sentence loop (`assembly/sentence-layout.json`) as TypeScript (`src/generated/sentence-layout.ts`,
 * read by src/sentence-kernel.ts) and as AssemblyScript (`assembly/generated/sentence-layout.ts`,
 * read by assembly/sentence.ts), and the sentence loop's WebAssembly module
 * (`src/generated/sentence-wasm.ts`). Shared by `pnpm --filter @embedkit/word2vec generate`, which
 * writes them, and the test that checks the committed files are up to date.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WasmModuleBuild } from '../../core-math/scripts/kernels-wasm-build.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The sentence loop's WebAssembly module. */
export const SENTENCE_BUILD: WasmModuleBuild = {
  packageRoot,
  source: 'assembly/sentence.ts',
  generated: 'src/generated/sentence-wasm.ts',
  exportName: 'sentenceWasmBase64',
  packageName: '@embedkit/word2vec',
  test: 'src/__tests__/generated-files.test.ts',
};

/** The layout definition, relative to the package root. */
export const LAYOUT_SOURCE = 'assembly/sentence-layout.json';

/** One header: its length in words and its fields, each a word index and what it holds. */
interface HeaderLayout {
  readonly headerWords: number;
  readonly fields: Readonly<Record<string, readonly [number, string]>>;
}

/** The layout definition: the tables' header and a workspace's header. */
interface SentenceLayout {
  readonly table: HeaderLayout;
  readonly workspace: HeaderLayout;
}

const HEADER = `// Generated from ${LAYOUT_SOURCE} by \`pnpm --filter @embedkit/word2vec generate\`; do not edit.\n// src/__tests__/generated-files.test.ts fails when this differs from the definition.\n`;

/** `cbowMean` -> `CBOW_MEAN`. */
const upperSnake = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();

/** Reads and checks the layout definition (indices inside the header, no two fields on one word). */
export async function readLayout(): Promise<SentenceLayout> {
  const layout = JSON.parse(await readFile(join(packageRoot, LAYOUT_SOURCE), 'utf8')) as SentenceLayout;
  for (const [name, header] of Object.entries({ table: layout.table, workspace: layout.workspace })) {
    const used = new Set<number>();
    for (const [field, [index]] of Object.entries(header.fields)) {
      if (!Number.isInteger(index) || index < 0 || index >= header.headerWords || used.has(index)) {
        throw new Error(
          `${LAYOUT_SOURCE}: ${name}.${field} has index ${index}, not a free word of ${header.headerWords}`,
        );
      }
      used.add(index);
    }
  }
  return layout;
}

function tsHeader(constant: string, header: HeaderLayout, comment: string): string {
  const fields = Object.entries(header.fields)
    .map(([field, [index, doc]]) => `  /** ${doc} */\n  ${field}: ${index},\n`)
    .join('');
  return `/** ${comment}: word index of each field. */\nexport const ${constant}_LAYOUT = {\n${fields}} as const;\n/** Words of the ${comment.toLowerCase()}. */\nexport const ${constant}_HEADER_WORDS = ${header.headerWords};\n`;
}

function asHeader(prefix: string, header: HeaderLayout, comment: string): string {
  const fields = Object.entries(header.fields)
    .map(
      ([field, [index, doc]]) => `export const ${prefix}_${upperSnake(field)}: i32 = ${index}; // ${doc}\n`,
    )
    .join('');
  return `// ${comment}.\n${fields}`;
}

/** The TypeScript layout module. */
export function renderLayoutTs(layout: SentenceLayout): string {
  return `${HEADER}\n${tsHeader('TABLE', layout.table, 'The header of the tables block')}\n${tsHeader('WORKSPACE', layout.workspace, 'The header of a workspace')}`;
}

/** The AssemblyScript layout module. */
export function renderLayoutAs(layout: SentenceLayout): string {
  return `${HEADER}\n${asHeader('T', layout.table, 'Table header words')}\n${asHeader('W', layout.workspace, 'Workspace words')}`;
}

/** The two layout modules, relative to the package root, with their text. */
export async function layoutModules(): Promise<ReadonlyArray<readonly [string, string]>> {
  const layout = await readLayout();
  return [
    ['src/generated/sentence-layout.ts', renderLayoutTs(layout)],
    ['assembly/generated/sentence-layout.ts', renderLayoutAs(layout)],
  ];
}

export { packageRoot };
