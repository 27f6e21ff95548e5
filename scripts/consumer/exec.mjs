/**
 * Running child processes with a hard time limit, and the TAP-like report that CI reads.
 */
import { spawn } from 'node:child_process';

/**
 * Runs a command to completion and collects its output. The child gets its own process group so
 * that a time-out ends it and everything it started (npx, a shell, a bin). Never rejects.
 * @returns `{ code, signal, stdout, stderr, timedOut, ms }`
 */
export function run(command, args, { cwd, env = process.env, timeoutMs = 60_000, input } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    const finish = (code, signal, error) => {
      clearTimeout(timer);
      if (error) stderr += `\n${error.message}`;
      resolve({ code, signal, stdout, stderr, timedOut, ms: Math.round(performance.now() - started) });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Ends a child started by {@link run} or {@link start}, with its process group. */
export function killGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a long-running child (a server) in its own process group and resolves with its first
 * line of standard output, or rejects when it exits or stays silent for `timeoutMs`.
 */
export function start(command, args, { cwd, env = process.env, timeoutMs = 20_000 } = {}) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const firstLine = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output within ${timeoutMs} ms`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(stdout.slice(0, newline).trim());
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing a line; stderr: ${stderr.trim()}`));
    });
  });
  return { child, firstLine, exited, stderr: () => stderr };
}

/** Describes a finished command for a failure report. */
export function describeRun(result, { lines = 30 } = {}) {
  const tail = (text) => text.trimEnd().split('\n').slice(-lines).join('\n');
  const status = result.timedOut
    ? `timed out after ${result.ms} ms (killed)`
    : `exit ${result.code}${result.signal ? ` (${result.signal})` : ''} in ${result.ms} ms`;
  return [status, result.stdout.trim() && `stdout:\n${tail(result.stdout)}`, result.stderr.trim() && `stderr:\n${tail(result.stderr)}`]
    .filter(Boolean)
    .join('\n');
}

/** Prints `ok - name` / `not ok - name` lines with `#` details, and counts them. */
export class Report {
  passed = 0;
  failed = 0;
  failures = [];

  /** Records one check; `details` is printed under it, prefixed with `# `. */
  check(name, ok, details = '') {
    if (ok) this.passed += 1;
    else {
      this.failed += 1;
      this.failures.push(name);
    }
    console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
    this.note(details);
    return ok;
  }

  /** Prints information that is not a check. */
  note(details) {
    const text = String(details ?? '').trimEnd();
    if (text)
      console.log(
        text
          .split('\n')
          .map((line) => `  # ${line}`)
          .join('\n'),
      );
  }

  /** The closing line CI reads: `N passed, M failed`. */
  summary() {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}
