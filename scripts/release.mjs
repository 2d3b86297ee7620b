#!/usr/bin/env node
// `pnpm release`: builds every package, then publishes the ones whose version is not on the
// registry yet (`changeset publish`, after `pnpm version-packages`).
// `pnpm release --dry-run`: builds, then packs and "publishes" every public package without
// uploading (`pnpm publish -r --dry-run`): the tarball of each, with its files, as it would go out.
import { spawnSync } from 'node:child_process';

/** Runs pnpm (the one running this script when there is one) and stops on failure. */
function pnpm(...args) {
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath !== undefined && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dryRun = process.argv.includes('--dry-run');
pnpm('exec', 'turbo', 'run', 'build', '--output-logs=errors-only');
if (dryRun) pnpm('publish', '--recursive', '--dry-run', '--no-git-checks', '--access', 'public');
else pnpm('exec', 'changeset', 'publish');
