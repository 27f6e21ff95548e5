import { formatElapsed } from '../duration.js';
import { escapeControls } from '../terminal-text.js';

/**
 * `[3s] who: text\n`: one line of the plain view. Callers show outside fields `visible`;
 * control characters are escaped here too, so that nothing raw ever reaches the line.
 */
export function plainLine(elapsedMs: number, who: string, text: string): string {
  return `${escapeControls(`[${formatElapsed(elapsedMs)}] ${who}: ${text}`)}\n`;
}
