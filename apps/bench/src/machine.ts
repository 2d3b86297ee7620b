import { availableParallelism, cpus, platform, release, totalmem } from 'node:os';

/** The machine a report was made on. */
export function machineInfo(): BenchMachine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${platform()} ${release()}`,
  };
}

/** CPU model, cores, memory and runtime of the machine a report was made on. */
export interface BenchMachine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
}
