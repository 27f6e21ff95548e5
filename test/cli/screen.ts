/**
 * A terminal for tests of the live view: it applies what log-update writes (text, newlines,
 * cursor up and down, cursor to column 1, erase line, erase to end of line; colors and the
 * synchronized-output brackets ignored) to an array of lines, so that a test sees each frame as a
 * person would. Scrolling is not modelled: a line written once stays in `lines`, as scrollback.
 */
export class Screen {
  readonly lines: string[] = [''];
  #row = 0;
  #col = 0;

  /** Applies one chunk of output. */
  write(chunk: string): void {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: parsing terminal escape sequences is the point
    for (const [token, private_, count, command] of chunk.matchAll(/\u001B\[(\?)?([\d;]*)([A-Za-z])|\n|[^\u001B\n]+/g)) {
      if (token === '\n') this.#moveTo(this.#row + 1, 0);
      else if (command === undefined) this.#put(token);
      else if (private_ === undefined) this.#control(command, Number(count || 1), count ?? '');
    }
  }

  /** The lines on screen, without the empty ones at the end (where the cursor waits). */
  get text(): string[] {
    const lines = [...this.lines];
    while (lines.at(-1) === '') lines.pop();
    return lines;
  }

  #control(command: string, n: number, params: string): void {
    const line = this.lines[this.#row] ?? '';
    if (command === 'A') this.#moveTo(Math.max(0, this.#row - n), this.#col);
    else if (command === 'B') this.#moveTo(this.#row + n, this.#col);
    else if (command === 'G') this.#col = 0;
    else if (command === 'K' && params === '2') this.lines[this.#row] = '';
    else if (command === 'K') this.lines[this.#row] = line.slice(0, this.#col);
    else if (command !== 'm') throw new Error(`Screen: unexpected escape sequence ESC[${params}${command}`);
  }

  #put(text: string): void {
    const line = (this.lines[this.#row] ?? '').padEnd(this.#col);
    this.lines[this.#row] = line.slice(0, this.#col) + text + line.slice(this.#col + text.length);
    this.#col += text.length;
  }

  #moveTo(row: number, col: number): void {
    while (this.lines.length <= row) this.lines.push('');
    this.#row = row;
    this.#col = col;
  }
}
