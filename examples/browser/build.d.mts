// Types of build.mjs, for the TypeScript that imports it (test/browser).

/** Where `buildBrowserExample` writes and what it bundles. */
export interface BuildOptions {
  /** The folder to write `index.html`, `main.js` and `main.js.map` to. @default '.tmp/browser' (at the repository root) */
  readonly outdir?: string;
  /** The entry module. @default 'examples/browser/main.ts' */
  readonly entry?: string;
  /** Minify the bundle. @default true */
  readonly minify?: boolean;
}

/** What a build wrote, sizes in bytes. */
export interface BuildResult {
  readonly outdir: string;
  /** Size of `main.js`. */
  readonly bytes: number;
  /** Size of `main.js` gzipped. */
  readonly gzipBytes: number;
  /** The share of `main.js` from `src/` and the library's dependencies (eventemitter3, p-retry). */
  readonly libraryBytes: number;
  /** How many modules went into the bundle. */
  readonly modules: number;
}

/** Bundles the page; rejects, naming the importer, if any module imports a Node.js built-in. */
export function buildBrowserExample(options?: BuildOptions): Promise<BuildResult>;

/** Every import of a Node.js built-in an esbuild metafile records. */
export function nodeImports(metafile: {
  inputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
}): Array<{ importer: string; path: string }>;
