/**
 * Writes word2vec's generated files (`pnpm --filter @embedkit/word2vec generate`, after editing
 * assembly/sentence-layout.json or assembly/sentence.ts): the layout in TypeScript and
 * AssemblyScript, then the sentence loop's WebAssembly module compiled with the new layout.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateWasmModule } from '../../core-math/scripts/kernels-wasm-build.js';
import { SENTENCE_BUILD, layoutModules, packageRoot } from './sentence-wasm-build.js';

for (const [path, text] of await layoutModules()) {
  const target = join(packageRoot, path);
  await writeFile(`${target}.${process.pid}.tmp`, text);
  await rename(`${target}.${process.pid}.tmp`, target);
}
await generateWasmModule(SENTENCE_BUILD);
