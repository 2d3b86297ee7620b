#!/usr/bin/env node
/** `embedkit`: the command-line entry point (`pnpm embedkit …` at the repository root). */
import { createRequire } from 'node:module';
import { processIo } from './cli-io.js';
import { handleOutputErrors } from './closed-output.js';
import { runCli } from './run-cli.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
handleOutputErrors(process);
process.exitCode = await runCli(process.argv.slice(2), processIo(), version);
