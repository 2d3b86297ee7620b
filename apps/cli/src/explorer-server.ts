import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { ConfigError, IoError } from '@embedkit/core-math';

/**
 * Headers of every answer: cross-origin isolation (COOP/COEP, so the page may use shared memory
 * and Wasm threads), nothing cached, nothing sniffed.
 */
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.wasm', 'application/wasm'],
]);

/** The path under which the server offers the model file. */
const MODEL_PATH = '/model/';

/**
 * The folder of the explorer's built page: `dist/` of the installed `@embedkit/explorer` (a
 * dependency of the CLI), so the page the CLI serves is the one published beside it.
 *
 * @throws IoError when the page has not been built
 */
export async function explorerRoot(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve('@embedkit/explorer/package.json');
  const root = join(dirname(manifest), 'dist');
  const index = join(root, 'index.html');
  const found = await stat(index).catch(() => undefined);
  if (found?.isFile() !== true) throw new IoError(index, 'the explorer page is not built (run pnpm build)');
  return root;
}

/** A running explorer server. */
export interface ExplorerServer {
  /** The page's address, with the model to load. */
  readonly url: string;
  /** The port it listens on (127.0.0.1 only). */
  readonly port: number;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Serves the built explorer page from `root` and the vector file `model` on 127.0.0.1, with
 * cross-origin isolation headers; only GET and HEAD, only files inside `root` and the model.
 *
 * @param port - the port, or 0 for a free one
 * @throws IoError when `model` is not a readable regular file
 * @throws ConfigError when `port` is taken
 */
export async function startExplorerServer(
  root: string,
  model: string,
  port: number,
): Promise<ExplorerServer> {
  const modelStat = await stat(model).catch((cause: NodeJS.ErrnoException) => {
    throw new IoError(model, cause.code === 'ENOENT' ? 'no such file' : cause.message, cause);
  });
  if (!modelStat.isFile()) throw new IoError(model, 'not a regular file');
  const modelName = basename(model);
  const modelUrl = `${MODEL_PATH}${encodeURIComponent(modelName)}`;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = path === `${MODEL_PATH}${modelName}` ? resolve(model) : pageFile(root, path);
    if (file === undefined) {
      response.writeHead(404, HEADERS).end();
      return;
    }
    void stat(file)
      .then((found) => {
        if (!found.isFile()) throw new Error('not a file');
        const type = file === resolve(model) ? 'application/octet-stream' : CONTENT_TYPES.get(extname(file));
        response.writeHead(200, {
          ...HEADERS,
          'Content-Type': type ?? 'application/octet-stream',
          'Content-Length': found.size,
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      })
      .catch(() => {
        response.writeHead(404, HEADERS).end();
      });
  });
  await listen(server, port);
  const address = server.address() as AddressInfo;
  const query = `?model=${encodeURIComponent(modelUrl)}&name=${encodeURIComponent(modelName)}`;
  return {
    url: `http://127.0.0.1:${address.port}/${query}`,
    port: address.port,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The file of the page at URL path `path`, or undefined when it would lie outside `root`. */
function pageFile(root: string, path: string): string | undefined {
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'EADDRINUSE'
          ? new ConfigError(
              '--port',
              port,
              'a free port on 127.0.0.1 (this one is in use; leave --port out for a free one)',
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => done());
  });
}
