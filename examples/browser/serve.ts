/**
 * Serves the built browser example beside a simulator that answers CORS for the page's origin, and
 * prints the address to open. `npm run demo:browser` (or `tsx examples/browser/serve.ts`) builds
 * the page first; `DEMO_TIME_SCALE` divides the simulated durations (default 20: a create takes 1 s).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { startSimulator } from 'lightsail-waiter/simulator';
import { buildBrowserExample } from './build.mjs';

/** A running static file server. */
export interface StaticServer {
  /** Its origin, e.g. `http://127.0.0.1:54321`, which is also the page's origin. */
  readonly origin: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves the files of `root` (GET only, `/` is `index.html`) on 127.0.0.1 at a random free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = normalize(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    const type = TYPES[extname(file)];
    const notFound = (): void => void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    // Only known file types inside the root: no directory listings, no `..` escapes.
    if (req.method !== 'GET' || !file.startsWith(base + sep) || type === undefined) return notFound();
    stat(file).then((info) => {
      if (!info.isFile()) return notFound();
      res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    }, notFound);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const timeScale = Number(process.env.DEMO_TIME_SCALE ?? 20);
  const { outdir, bytes } = await buildBrowserExample();
  const site = await serveStatic(outdir);
  const simulator = await startSimulator({ timeScale, cors: site.origin });
  console.log(`Built ${outdir}/main.js (${(bytes / 1024).toFixed(1)} KiB); simulator at ${simulator.endpoint} (durations ÷ ${timeScale})`);
  console.log(`Open ${site.origin}/?endpoint=${encodeURIComponent(simulator.endpoint)}  (Ctrl-C to stop)`);
  process.once('SIGINT', () => {
    void Promise.all([site.close(), simulator.close()]);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
