/** One arm's results, from the real simulator or virtual time. */
export interface ArmRow {
  /** The case: limit, operations, and for HTTP arms the time scale (`20/s, 1000 operations, time ×10`). */
  readonly group: string;
  /** Against the simulator over HTTP (else in virtual time). */
  readonly real: boolean;
  readonly label: string;
  readonly requests: number;
  readonly throttled: number;
  readonly failed: number;
  readonly p50LatencyS: number;
  readonly p95LatencyS: number;
  readonly wallS?: number;
  readonly processes: ReadonlyArray<{
    readonly answered: number;
    readonly p95LatencyS: number;
    readonly finalRate: number | undefined;
    readonly cpuS?: number;
    readonly peakRssMiB?: number;
  }>;
}

/** The most the adaptive arms' p95 may be, as a share of the uncapped arm's. */
export const MAX_P95_SHARE = 0.65;
/** The most throttled requests may be, as a share of all. */
export const MAX_THROTTLED_SHARE = 0.02;

/** One arm against the issue's targets. */
export interface TargetCheck {
  /** p95 latency ÷ the uncapped arm's. */
  readonly share: number;
  /** Throttled requests ÷ all requests. */
  readonly throttled: number;
  /** Requests answered, per process. */
  readonly answered: readonly number[];
  /** The smallest process's share of the answers (1 with one process): reported, not a target. */
  readonly smaller: number;
  /** The slowest process's own p95 ÷ the uncapped arm's ({@link share} with one process). */
  readonly slowest: number;
  /**
   * Neither of two processes starves: each one's own p95 is within {@link MAX_P95_SHARE} of the
   * uncapped arm's. (The share of answers is no measure of it: one `GetOperations` page serves
   * all of a process's operations, so the process whose operations sort first needs fewer.)
   */
  readonly fair: boolean;
  readonly met: boolean;
}

/** An arm's figures against the issue's targets, given the uncapped arm's p95 in seconds. */
export function checkTargets(
  result: {
    readonly p95LatencyS: number;
    readonly throttled: number;
    readonly requests: number;
    readonly processes: ReadonlyArray<{ readonly answered: number; readonly p95LatencyS: number }>;
  },
  uncappedP95S: number,
): TargetCheck {
  const share = result.p95LatencyS / uncappedP95S;
  const throttled = result.throttled / result.requests;
  const answered = result.processes.map((p) => p.answered);
  const total = answered.reduce((a, b) => a + b, 0);
  const smaller = answered.length < 2 ? 1 : Math.min(...answered) / total;
  const slowest = answered.length < 2 ? share : Math.max(...result.processes.map((p) => p.p95LatencyS)) / uncappedP95S;
  const fair = answered.length < 2 || slowest <= MAX_P95_SHARE;
  return { share, throttled, answered, smaller, slowest, fair, met: share <= MAX_P95_SHARE && throttled <= MAX_THROTTLED_SHARE && fair };
}

const f1 = (x: number): string => x.toFixed(1);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The uncapped arm of a row's case (the same group, over HTTP or in virtual time alike). */
export function uncappedOf(rows: readonly ArmRow[], row: Pick<ArmRow, 'real' | 'group'>): ArmRow | undefined {
  return armOf(rows, row, 'uncapped');
}

/** The arm of a row's case whose label starts with `label`. */
function armOf(rows: readonly ArmRow[], row: Pick<ArmRow, 'real' | 'group'>, label: string): ArmRow | undefined {
  return rows.find((r) => r.real === row.real && r.group === row.group && r.label.startsWith(label));
}

function perProcess(row: ArmRow): string {
  if (row.processes.length < 2) {
    const rate = row.processes[0]?.finalRate;
    return rate === undefined ? '–' : `final pace ${f1(rate)}/s`;
  }
  return row.processes.map((p) => `${p.answered} answered, p95 ${f1(p.p95LatencyS)} s, pace ${f1(p.finalRate ?? Number.NaN)}/s`).join('; ');
}

/** The arms as markdown tables: the real simulator, then each virtual case. */
export function formatArms(rows: readonly ArmRow[]): string {
  const out: string[] = [];
  const real = rows.filter((r) => r.real);
  if (real.length > 0) {
    out.push(
      "**Against the simulator over HTTP** (operations of 10 s–5 min, given by id; the account's limit in GetOperation requests per second in any sliding second; time compressed on one simulated clock, so latencies are simulated seconds and each request's round trip counts as many times over; CPU and RSS are the waiting processes', not the simulator's):",
      '',
      line([
        'case',
        'arm',
        'requests',
        'throttled',
        'failed',
        'p50 (s)',
        'p95 (s)',
        'p95 ÷ uncapped',
        'processes',
        'CPU (s)',
        'peak RSS (MiB)',
      ]),
      line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---:']),
    );
    for (const r of real) {
      const base = uncappedOf(rows, r);
      out.push(
        line([
          r.group,
          r.label,
          String(r.requests),
          `${r.throttled} (${pct(r.throttled / r.requests)})`,
          String(r.failed),
          f1(r.p50LatencyS),
          f1(r.p95LatencyS),
          base ? (r.p95LatencyS / base.p95LatencyS).toFixed(2) : '–',
          perProcess(r),
          f1(r.processes.reduce((s, p) => s + (p.cpuS ?? 0), 0)),
          Math.max(...r.processes.map((p) => p.peakRssMiB ?? 0)).toFixed(0),
        ]),
      );
    }
    out.push('');
  }
  out.push(
    '**In virtual time** (the same workload and limiter, no HTTP, no request latency; every limit, and the load scaled with it):',
    '',
    line(['case', 'arm', 'requests', 'throttled', 'p95 (s)', 'p95 ÷ uncapped', 'processes']),
    line(['---', '---', '---:', '---:', '---:', '---:', '---']),
  );
  for (const r of rows.filter((row) => !row.real)) {
    const base = uncappedOf(rows, r);
    out.push(
      line([
        r.group,
        r.label,
        String(r.requests),
        `${r.throttled} (${pct(r.throttled / r.requests)})`,
        f1(r.p95LatencyS),
        base ? (r.p95LatencyS / base.p95LatencyS).toFixed(2) : '–',
        perProcess(r),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}

/** How many of the checked arms met the targets, of how many. */
export interface Tally {
  met: number;
  checked: number;
}

/**
 * The issue's targets for every adaptive arm, as lines; `ok` is false when one fails. `tally`
 * counts the default's arms (reading with `GetOperations`) apart from those with one
 * `GetOperation` each (`useGetOperations: false`).
 */
export function checkArms(rows: readonly ArmRow[]): { ok: boolean; lines: string[]; tally: { byDefault: Tally; oneEach: Tally } } {
  const lines: string[] = [];
  let ok = true;
  const tally = { byDefault: { met: 0, checked: 0 }, oneEach: { met: 0, checked: 0 } };
  for (const r of rows.filter((row) => row.label.startsWith('adaptive'))) {
    const base = uncappedOf(rows, r);
    if (base === undefined) continue;
    const { share, throttled, answered, slowest, fair, met } = checkTargets(r, base.p95LatencyS);
    ok &&= met;
    const counted = r.label.includes('one GetOperation each') ? tally.oneEach : tally.byDefault;
    counted.checked += 1;
    if (met) counted.met += 1;
    // A pace told the exact limit, one GetOperation each, is the floor of pacing alone: say when even it misses.
    const told = armOf(rows, r, 'told the limit');
    const toldShare = told === undefined ? 0 : told.p95LatencyS / base.p95LatencyS;
    const floor = toldShare > MAX_P95_SHARE ? `; told the limit, a pace gets ${toldShare.toFixed(3)} ×` : '';
    const misses = [
      share > MAX_P95_SHARE ? `p95 ${share.toFixed(3)} × uncapped${floor}` : '',
      throttled > MAX_THROTTLED_SHARE ? `${pct(throttled)} throttled` : '',
      fair ? '' : `a process's own p95 ${slowest.toFixed(3)} × uncapped`,
    ].filter(Boolean);
    const split =
      answered.length > 1
        ? `; answers split ${answered.join(' / ')}, own p95 ${r.processes.map((p) => f1(p.p95LatencyS)).join(' / ')} s`
        : '';
    lines.push(
      `- ${met ? 'Met' : `**Not met** (${misses.join(', ')})`}, ${r.real ? `simulator over HTTP, ${r.group}` : `virtual time, ${r.group}`}, ${r.label}: p95 ${f1(r.p95LatencyS)} s = ${share.toFixed(3)} × the uncapped ${f1(base.p95LatencyS)} s; ${pct(throttled)} throttled${split}.`,
    );
  }
  return { ok, lines, tally };
}
