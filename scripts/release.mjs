#!/usr/bin/env node
// `pnpm release`: builds every package, then publishes the ones whose version is not on the
// registry yet (`changeset publish`, after `pnpm version-packages`).
// `pnpm release --dry-run`: builds, then packs and "publishes" every public package without
// uploading (`pnpm publish -r --dry-run`): the tarball of each, with its files, as it would go out,
// under the pre-release tag while changesets is in pre mode (.changeset/pre.json), as
// `changeset publish` would.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Runs pnpm (the one running this script when there is one) and stops on failure. */
function pnpm(...args) {
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath !== undefined && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dryRun = process.argv.includes('--dry-run');
const preMode = new URL('../.changeset/pre.json', import.meta.url);
const tag = existsSync(preMode) ? JSON.parse(readFileSync(preMode, 'utf8')).tag : 'latest';
pnpm('exec', 'turbo', 'run', 'build', '--output-logs=errors-only');
if (dryRun)
  pnpm('publish', '--recursive', '--dry-run', '--no-git-checks', '--access', 'public', '--tag', tag);
else pnpm('exec', 'changeset', 'publish');
