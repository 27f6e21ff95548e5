import { createLogUpdate } from 'log-update';
import type { Clock } from '../../index.js';
import type { Paint } from '../color.js';
import type { OutputStream, Renderer } from './renderer.js';
import { type ViewRow, viewFrame } from './view-row.js';

/** How often the live view redraws to move the elapsed times on, in milliseconds. */
export const TICK_MS = 1_000;

/** What a live view shows, and when it changes. */
export interface LiveViewSource {
  /** The rows as they are now. */
  rows(): readonly ViewRow[];
  /** The line printed under the last frame. */
  summary(): string;
  /** Calls `redraw` on every change until the returned function is called. */
  subscribe(redraw: () => void): () => void;
}

/**
 * The live view for a terminal: one line per row, redrawn in place by log-update on every change
 * and every second; then a summary line.
 */
export function createLiveView(source: LiveViewSource, context: { out: OutputStream; paint: Paint; clock: Clock }): Renderer {
  const { out, paint, clock } = context;
  // showCursor: hiding it would make log-update write to process.stderr and hook process signals.
  const log = createLogUpdate(out, { showCursor: true });
  const draw = (): void => log(viewFrame(source.rows(), paint));
  const ticker = new AbortController();
  const tick = async (): Promise<void> => {
    for (;;) {
      await clock.sleep(TICK_MS, ticker.signal);
      draw();
    }
  };
  tick().catch(() => {});
  const unsubscribe = source.subscribe(draw);
  draw();
  return {
    finish() {
      ticker.abort();
      unsubscribe();
      draw();
      log.done();
      out.write(`${source.summary()}\n`);
    },
  };
}
