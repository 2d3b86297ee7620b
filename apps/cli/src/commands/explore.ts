import { spawn } from 'node:child_process';
import { CancelledError } from '@embedkit/core-math';
import type { Command } from 'commander';
import { type CliIo, writeJsonLine, writeLine, writeNote } from '../cli-io.js';
import { explorerRoot, startExplorerServer } from '../explorer-server.js';
import { examples, newCommand } from '../new-command.js';
import { nonNegativeInteger } from '../option-parsers.js';
import { cancellableBySignals } from '../signals.js';

/** Options of {@link runExplore}. */
export interface ExploreOptions {
  /** The port (0 or absent: a free one). */
  readonly port?: number;
  /** Launch the system's browser on the page (`--no-open` sets it false). */
  readonly open: boolean;
  /** Print the address as JSON. */
  readonly json?: boolean;
}

/** The command that opens a URL in the default browser on this platform. */
function browserCommand(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Launches the browser on `url`; a failure is a note (the address is printed anyway). */
function openBrowser(io: CliIo, url: string): void {
  const [command, args] = browserCommand(url);
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', (error) =>
    writeNote(io.stderr, `could not open a browser (${error.message}); open ${url}`),
  );
  child.unref();
}

/**
 * Serves the explorer page with `vectors` preloaded on 127.0.0.1 until Ctrl-C (SIGINT, SIGTERM,
 * SIGHUP), printing the address first.
 */
export async function runExplore(io: CliIo, vectors: string, options: ExploreOptions): Promise<void> {
  const server = await startExplorerServer(await explorerRoot(), vectors, options.port ?? 0);
  await cancellableBySignals(
    (signal) =>
      new Promise<never>((_, stop) => {
        signal.addEventListener('abort', () => {
          void server.close().then(() => stop(new CancelledError('serving the explorer')));
        });
        // Printed once Ctrl-C is handled: whoever reads the address may stop the server at once.
        if (options.json) writeJsonLine(io.stdout, { url: server.url, port: server.port });
        else writeLine(io.stdout, `explorer: ${server.url}`);
        writeNote(io.stderr, 'serving on 127.0.0.1 until Ctrl-C');
        if (options.open) openBrowser(io, server.url);
      }),
  );
}

/** `embedkit explore VECTORS`. */
export function exploreCommand(io: CliIo): Command {
  return newCommand('explore')
    .summary('open vectors in the explorer web page (served on 127.0.0.1)')
    .description(
      'Serves the explorer page (2-D scatter by PCA or UMAP, neighbours, analogies, sentence search, a second model aligned side by side) on 127.0.0.1 with the vector file preloaded and cross-origin isolation headers, until Ctrl-C. Nothing is fetched from the network.',
    )
    .argument('<vectors>', 'vector file or fastText .bin (word2vec text/binary, GloVe, fastText .vec/.bin)')
    .option('--port <n>', 'port to listen on (default: a free port, printed)', nonNegativeInteger)
    .option('--no-open', 'do not launch a browser')
    .addHelpText(
      'after',
      examples('embedkit explore vectors.bin', 'embedkit explore glove.txt --port 8080 --no-open'),
    )
    .action((vectors: string, options: ExploreOptions) => runExplore(io, vectors, options));
}
