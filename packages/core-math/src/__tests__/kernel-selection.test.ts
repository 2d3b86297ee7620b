import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemory } from '../wasm-runtime.js';

/**
 * A fresh copy of the package's root and `/kernels` entries (the selection not made yet), loaded
 * with EMBEDKIT_KERNELS = `value`.
 */
async function freshPackage(value: string | undefined) {
  vi.resetModules();
  if (value === undefined) vi.stubEnv('EMBEDKIT_KERNELS', undefined);
  else vi.stubEnv('EMBEDKIT_KERNELS', value);
  const [root, kernelsEntry] = await Promise.all([import('../index.js'), import('../kernels-entry.js')]);
  return { ...root, ...kernelsEntry };
}

describe('kernel selection at start-up', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('picks the Wasm SIMD kernels when the runtime supports them and nothing is forced', async () => {
    for (const value of [undefined, '', 'auto']) {
      const core = await freshPackage(value);
      expect(core.wasmKernelsSupported()).toBe(true);
      expect(core.kernelsName()).toBe('wasm-simd');
      expect(core.kernels()).toBe(core.wasmKernels());
    }
  });

  it('follows EMBEDKIT_KERNELS=ts and EMBEDKIT_KERNELS=wasm', async () => {
    const ts = await freshPackage('ts');
    expect(ts.kernels()).toBe(ts.tsKernels);
    expect(ts.kernelMemory()).toBeNull();
    const wasm = await freshPackage('wasm');
    expect(wasm.kernelsName()).toBe('wasm-simd');
  });

  it('rejects any other value with a ConfigError naming the variable', async () => {
    const core = await freshPackage('simd');
    expect(() => core.kernels()).toThrow(core.ConfigError);
    expect(() => core.kernels()).toThrow(/EMBEDKIT_KERNELS/);
  });

  it('lets attachKernels(null) select the TypeScript kernels and refuses a memory without kernel arrays', async () => {
    const core = await freshPackage(undefined);
    expect(core.attachKernels(null)).toBe(core.tsKernels);
    expect(core.kernels()).toBe(core.tsKernels);
    expect(() => core.attachKernels(createMemory())).toThrow(core.ConfigError);
  });
});
