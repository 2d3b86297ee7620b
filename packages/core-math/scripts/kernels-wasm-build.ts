/**
 * How a generated module holding a WebAssembly binary is made from AssemblyScript: core-math's
 * `src/generated/kernels-wasm.ts` from `assembly/kernels.ts`, and the engines' own training loops
 * (word2vec's `assembly/sentence.ts`, glove's `assembly/glove.ts`, which import core-math's inlined
 * kernels as `@embedkit/core-math/...`). Shared by the `generate` scripts, which write them, and
 * the tests that check the committed files are up to date.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

/** One WebAssembly module a package builds: its AssemblyScript entry and the generated TypeScript module. */
export interface WasmModuleBuild {
  /** The package's root folder (absolute). */
  readonly packageRoot: string;
  /** The AssemblyScript entry, relative to the package root. */
  readonly source: string;
  /** The generated TypeScript module, relative to the package root. */
  readonly generated: string;
  /** The name of the base64 string the generated module exports. */
  readonly exportName: string;
  /** The package's name (for the command in the generated file's header). */
  readonly packageName: string;
  /** The test that checks the generated module, relative to the package root. */
  readonly test: string;
}

/** core-math's kernels module. */
export const KERNELS_BUILD: WasmModuleBuild = {
  packageRoot,
  source: 'assembly/kernels.ts',
  generated: 'src/generated/kernels-wasm.ts',
  exportName: 'kernelsWasmBase64',
  packageName: '@embedkit/core-math',
  test: 'src/__tests__/kernels-wasm-generated.test.ts',
};

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

/**
 * Compiles `build.source` with AssemblyScript; returns the WebAssembly binary and the compiler
 * version. The module must import nothing but the memory (no data segments either: several modules
 * share one memory).
 */
export async function compileWasm(build: WasmModuleBuild): Promise<{ wasm: Uint8Array; version: string }> {
  const asc = await loadCompiler();
  let binary: Uint8Array | undefined;
  const args = [build.source, '--baseDir', build.packageRoot, '--outFile', 'module.wasm', ...ASC_FLAGS];
  const { error, stderr } = await asc.main(args, {
    writeFile: (_name, contents) => {
      if (typeof contents !== 'string') binary = contents;
    },
  });
  if (error !== null || binary === undefined) {
    throw new Error(
      `AssemblyScript could not compile ${build.source}: ${error?.message}\n${stderr.toString()}`,
    );
  }
  return { wasm: binary, version: asc.version };
}

/** The text of the generated module embedding `wasm` (compiled by AssemblyScript `version`) as base64. */
export function renderWasmModule(build: WasmModuleBuild, wasm: Uint8Array, version: string): string {
  const base64 = Buffer.from(wasm).toString('base64');
  return `// Generated from ${build.source} by \`pnpm --filter ${build.packageName} generate\`; do not edit.
// AssemblyScript ${version} with: ${ASC_FLAGS.join(' ')}
// ${build.test} fails when this differs from a fresh compile.

/** The WebAssembly module of ${build.source} (${wasm.length} bytes), base64-encoded. */
export const ${build.exportName} =
  '${base64}';
`;
}

/** Compiles `build` and writes its generated module (a temporary file renamed into place). */
export async function generateWasmModule(build: WasmModuleBuild): Promise<void> {
  const target = join(build.packageRoot, build.generated);
  const temporary = `${target}.${process.pid}.tmp`;
  const { wasm, version } = await compileWasm(build);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(temporary, renderWasmModule(build, wasm, version));
  await rename(temporary, target);
}

/** The committed generated module of `build` and what a fresh compile renders (a test compares them). */
export async function committedAndFresh(
  build: WasmModuleBuild,
): Promise<{ committed: string; fresh: string }> {
  const { wasm, version } = await compileWasm(build);
  const committed = await readFile(join(build.packageRoot, build.generated), 'utf8');
  return { committed, fresh: renderWasmModule(build, wasm, version) };
}
