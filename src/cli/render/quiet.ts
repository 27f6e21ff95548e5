import type { Renderer } from './renderer.js';

/** `--quiet`: nothing on standard output; problems still go to standard error. */
export function createQuietRenderer(): Renderer {
  return { finish() {} };
}
