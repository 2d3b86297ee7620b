/**
 * How `src/generated/kernels-wasm.ts` is made from `assembly/kernels.ts`: shared by the `generate`
 * script, which writes it, and the test that checks the committed file is up to date.
 */
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The part of AssemblyScript's compiler API (`assemblyscript/asc`) used here. */
interface AssemblyScriptCompiler {
  readonly version: string;
  main(
    args: string[],
    options: { writeFile: (name: string, contents: Uint8Array | string) => void },
  ): Promise<{ error: Error | null; stderr: { toString(): string } }>;
}

/**
 * Loads the compiler. The module name is held in a variable so that TypeScript does not load the
 * compiler's declarations, which declare AssemblyScript's own globals (`console`, ...) over Node's.
 */
async function loadCompiler(): Promise<AssemblyScriptCompiler> {
  const compiler = 'assemblyscript/asc';
  return (await import(compiler)) as AssemblyScriptCompiler;
}

/** The AssemblyScript source of the kernels, relative to the package root. */
export const KERNELS_SOURCE = 'assembly/kernels.ts';

/** The generated TypeScript module, relative to the package root. */
export const GENERATED_MODULE = 'src/generated/kernels-wasm.ts';

/**
 * The compiler flags: SIMD; an imported shared memory (threads) of up to 65536 pages that the
 * module does not export; the stub runtime (no allocator, no GC: the kernels only read and write
 * through pointers); no `abort` import; optimised for speed.
 */
export const ASC_FLAGS = [
  '--enable',
  'simd',
  '--enable',
  'threads',
  '--importMemory',
  '--sharedMemory',
  '--noExportMemory',
  '--initialMemory',
  '1',
  '--maximumMemory',
  '65536',
  '--runtime',
  'stub',
  '--use',
  'abort=',
  '--noAssert',
  '--optimizeLevel',
  '3',
  '--shrinkLevel',
  '0',
];

/** Compiles the kernels with AssemblyScript; returns the WebAssembly binary and the compiler version. */
export async function compileKernelsWasm(): Promise<{ wasm: Uint8Array; version: string }> {
  const asc = await loadCompiler();
  let binary: Uint8Array | undefined;
  const args = [KERNELS_SOURCE, '--baseDir', packageRoot, '--outFile', 'kernels.wasm', ...ASC_FLAGS];
  const { error, stderr } = await asc.main(args, {
    writeFile: (_name, contents) => {
      if (typeof contents !== 'string') binary = contents;
    },
  });
  if (error !== null || binary === undefined) {
    throw new Error(
      `AssemblyScript could not compile ${KERNELS_SOURCE}: ${error?.message}\n${stderr.toString()}`,
    );
  }
  return { wasm: binary, version: asc.version };
}

/** The text of the generated module embedding `wasm` (compiled by AssemblyScript `version`) as base64. */
export function renderKernelsWasmModule(wasm: Uint8Array, version: string): string {
  const base64 = Buffer.from(wasm).toString('base64');
  return `// Generated from ${KERNELS_SOURCE} by \`pnpm --filter @embedkit/core-math generate\`; do not edit.
// AssemblyScript ${version} with: ${ASC_FLAGS.join(' ')}
// src/__tests__/kernels-wasm-generated.test.ts fails when this differs from a fresh compile.

/** The WebAssembly SIMD kernels module (${wasm.length} bytes), base64-encoded. */
export const kernelsWasmBase64 =
  '${base64}';
`;
}
