/**
 * Reading the files a GitHub Actions step writes, as the runner reads them: `$GITHUB_OUTPUT`
 * holds `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks; a later value of a name
 * wins.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, i + 1);
      if (end === -1) throw new Error(`$GITHUB_OUTPUT: no closing ${delimiter} for ${name}`);
      outputs[name] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) throw new Error(`$GITHUB_OUTPUT: not an output: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/**
 * A step's log as GitHub's runner reads it: each `::stop-commands::<token>` line and its closing
 * `::<token>::` are consumed, and the lines between are shown as they are, never read as commands.
 * Returns the lines shown and, apart, those that were guarded. Throws on a block left open.
 */
export function runnerView(text: string): { lines: string[]; guarded: string[] } {
  const lines: string[] = [];
  const guarded: string[] = [];
  let token: string | undefined;
  for (const line of text.split('\n')) {
    if (token === undefined) {
      const stop = /^::stop-commands::(.+)$/.exec(line);
      if (stop) token = stop[1];
      else lines.push(line);
    } else if (line === `::${token}::`) token = undefined;
    else {
      lines.push(line);
      guarded.push(line);
    }
  }
  if (token !== undefined) throw new Error(`::stop-commands::${token} never closed`);
  return { lines, guarded };
}
