import { createLogUpdate } from 'log-update';
import type { Clock } from '../../index.js';
import type { Paint } from '../color.js';
import { liveFrame } from './live-frame.js';
import type { OutputStream, Renderer } from './renderer.js';
import { repeatEvery } from './repeat.js';
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
 * The live view for a terminal: the rows that fit (see {@link liveFrame}), redrawn in place by
 * log-update after every change and every second. When the wait ends, the complete list, every
 * row, is left on the screen, then a summary line.
 *
 * A change redraws once the events of that moment have all arrived (a zero-delay timer on the
 * clock): a status change and the settling it brings come in one after the other, and the frame
 * between them would show a finished row as still running.
 */
export function createLiveView(source: LiveViewSource, context: { out: OutputStream; paint: Paint; clock: Clock }): Renderer {
  const { out, paint, clock } = context;
  // showCursor: hiding it would make log-update write to process.stderr and hook process signals.
  const log = createLogUpdate(out, { showCursor: true });
  const frame = () => liveFrame(source.rows(), out, paint);
  const draw = (): void => log(frame().text);
  const ticker = new AbortController();
  // Ends when finished; a drawing error (a bug) surfaces, for the bin to report.
  repeatEvery(clock, TICK_MS, draw, ticker.signal);
  let scheduled = false;
  const redraw = (): void => {
    if (scheduled) return;
    scheduled = true;
    clock.sleep(0, ticker.signal).then(
      () => {
        scheduled = false;
        draw();
      },
      () => {},
    );
  };
  const unsubscribe = source.subscribe(redraw);
  draw();
  return {
    finish() {
      ticker.abort();
      unsubscribe();
      const last = frame();
      if (last.partial) {
        // What did not fit the screen still belongs in the scrollback: the whole list, once.
        log.clear();
        out.write(`${viewFrame(source.rows(), paint)}\n`);
      } else {
        log(last.text);
      }
      log.done();
      out.write(`${source.summary()}\n`);
    },
  };
}
