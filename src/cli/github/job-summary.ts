import { Buffer } from 'node:buffer';
import { formatDuration } from '../duration.js';
import { throttleWarning } from '../render/pace.js';
import { OPERATIONS, RESOURCES, summaryLine } from '../render/summary.js';
import type { InputSummary, RunSummary } from '../run-summary.js';

/** Rows shown in the table at most; the rest are counted (GitHub caps a step's summary at 1 MiB). */
const MAX_ROWS = 200;
/**
 * The most bytes (UTF-8) the table's rows take: 200 rows of long, escaped error text could pass
 * GitHub's 1 MiB, and the runner then drops the whole summary ("upload aborted, supports content up
 * to a size of 1024k").
 */
const MAX_ROWS_BYTES = 900_000;

const ICONS: Readonly<Record<string, string>> = { succeeded: '✅', cancelled: '⚪', aborted: '⏹️' };

/**
 * The markdown appended to `$GITHUB_STEP_SUMMARY`: a heading with the counts, a table with one
 * row per input (its outcome, last state, time and what happened), a warning when Lightsail
 * throttled requests, the exit code. Text from
 * Lightsail is escaped for markdown, so that it cannot add links, HTML or table cells. Pure.
 */
export function jobSummary(summary: RunSummary): string {
  const { inputs } = summary;
  const what = summary.waiter === null ? 'lightsail-wait' : `lightsail-wait ${summary.waiter}`;
  const counts =
    inputs.length === 0
      ? `${summary.outcome === 'succeeded' ? 'nothing pending' : summary.outcome} (${formatDuration(summary.elapsedMs)})`
      : summaryLine(
          inputs.map((input) => input.outcome),
          summary.elapsedMs,
          summary.mode === 'resources' ? RESOURCES : OPERATIONS,
        );
  const lines = [`### ${summary.exitCode === 0 ? '✅' : '❌'} ${cell(what)}: ${cell(counts)}`, ''];
  if (inputs.length > 0) {
    lines.push(
      `| | ${summary.mode === 'resources' ? 'Resource' : 'Operation'} | Outcome | State | Elapsed | Details |`,
      '| --- | --- | --- | --- | --- | --- |',
    );
    let shown = 0;
    let bytes = 0;
    for (const input of inputs.slice(0, MAX_ROWS)) {
      const line = row(input);
      bytes += Buffer.byteLength(line, 'utf8') + 1;
      if (bytes > MAX_ROWS_BYTES) break;
      lines.push(line);
      shown += 1;
    }
    if (inputs.length > shown) lines.push('', `…and ${inputs.length - shown} more (see the step's log).`);
    lines.push('');
  }
  if (summary.message !== null) lines.push(cell(summary.message), '');
  const throttled = throttleWarning(summary.requests);
  if (throttled !== undefined) lines.push(`⚠️ ${cell(throttled)}`, '');
  lines.push(`Exit code ${summary.exitCode} (${summary.outcome}).`, '', '');
  return lines.join('\n');
}

function row(input: InputSummary): string {
  const icon = ICONS[input.outcome] ?? '❌';
  const details = input.outcome === 'succeeded' ? (input.publicIp?.address ?? detailOf(input) ?? '') : input.message;
  const elapsed = typeof input.fields.elapsedMs === 'number' ? formatDuration(input.fields.elapsedMs) : '';
  const name = input.label.includes(input.id) ? input.label : `${input.label} (${input.id})`;
  return `| ${icon} | ${[name, input.outcome, input.state ?? '', elapsed, details].map(cell).join(' | ')} |`;
}

function detailOf(input: InputSummary): string | undefined {
  const detail = input.fields.detail;
  return typeof detail === 'string' ? detail : undefined;
}

/**
 * Text made inert in a markdown table cell: markdown punctuation backslash-escaped, `<`, `>` and
 * `&` as entities, line breaks, other controls and bidirectional overrides and isolates (which
 * make text read in another order than it is) as spaces. Pure.
 */
export function cell(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/[\\`*_[\]|#!~]/g, (char) => `\\${char}`)
  );
}
