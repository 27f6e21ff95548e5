import { createLogUpdate } from 'log-update';
import type { Clock, Poller } from '../../index.js';
import type { Paint } from '../color.js';
import { liveFrame } from './live-frame.js';
import { paceFooter } from './pace.js';
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
 * row, is left on the screen, then a summary line. Once the shared pace of requests has moved (a
 * throttle, or requests queued up), a last dimmed line shows it: `requests: 8 a second, 3 of 120
 * throttled`.
 *
 * A change redraws once the events of that moment have all arrived (a zero-delay timer on the
 * clock): a status change and the settling it brings come in one after the other, and the frame
 * between them would show a finished row as still running.
 */
export function createLiveView(
  source: LiveViewSource,
  context: { out: OutputStream; paint: Paint; clock: Clock; poller?: Poller | undefined },
): Renderer {
  const { out, paint, clock, poller } = context;
  // showCursor: hiding it would make log-update write to process.stderr and hook process signals.
  const log = createLogUpdate(out, { showCursor: true });
  // The pace shows from its first change on (or an earlier throttle, in a later round of the same
  // command): most waits never queue or get throttled.
  let paced = (poller?.stats.throttled ?? 0) > 0;
  const footer = (): string | undefined => (paced && poller !== undefined ? paceFooter(poller) : undefined);
  const frame = () => liveFrame(source.rows(), out, paint, footer());
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
  const unsubscribeRows = source.subscribe(redraw);
  const onRate = (): void => {
    paced = true;
    redraw();
  };
  poller?.on('rate', onRate);
  const unsubscribe = (): void => {
    unsubscribeRows();
    poller?.off('rate', onRate);
  };
  draw();
  return {
    finish() {
      ticker.abort();
      unsubscribe();
      const last = frame();
      if (last.partial) {
        // What did not fit the screen still belongs in the scrollback: the whole list, once.
        log.clear();
        const pace = footer();
        out.write(`${viewFrame(source.rows(), paint)}\n${pace === undefined ? '' : `${paint('dim', pace)}\n`}`);
      } else {
        log(last.text);
      }
      log.done();
      out.write(`${source.summary()}\n`);
    },
  };
}
