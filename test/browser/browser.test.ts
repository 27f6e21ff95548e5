// The browser story: the main entry bundles for the browser with no Node.js built-in, and the
// example page, driven in Debian's headless Chromium through playwright-core, waits on real
// CreateInstances operations from a simulator that answers CORS for the page's origin.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildBrowserExample } from '../../examples/browser/build.mjs';
import { type StaticServer, serveStatic } from '../../examples/browser/serve.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

const CHROMIUM = '/usr/bin/chromium';
/** Flags known to work on this machine kind: no sandbox as root, and no background traffic to a closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = fileURLToPath(new URL('../../test-output/browser/', import.meta.url));
const SITE = `${OUTPUT}site`;
const SCREENSHOT = `${OUTPUT}deploy.png`;
const INSTANCES = ['web-1', 'web-2'];

// Locally, no Chromium means skip (with a reason); in CI it must run, and fails if Chromium is missing.
const skipReason =
  existsSync(CHROMIUM) || process.env.CI ? undefined : `${CHROMIUM} not found (apt-get install chromium); set CI=1 to make this an error`;
if (skipReason !== undefined) console.warn(`Skipping the headless Chromium test: ${skipReason}`);

describe('examples/browser build', () => {
  it('bundles the page with no Node.js built-in imported by the main entry or anything else', async () => {
    const built = await buildBrowserExample({ outdir: `${OUTPUT}build-check` });
    expect(built.bytes).toBeGreaterThan(0);
    // The library's own share stays small: the rest is the AWS SDK, which the page needs anyway.
    expect(built.libraryBytes).toBeLessThan(48 * 1024);
  });

  it('fails, naming the importer, when a module of the page imports a Node.js built-in', async () => {
    const entry = fileURLToPath(new URL('./fixtures/imports-node.ts', import.meta.url));
    await expect(buildBrowserExample({ outdir: `${OUTPUT}build-refused`, entry })).rejects.toThrow(
      'test/browser/fixtures/imports-node.ts imports node:fs',
    );
  });
});

describe.skipIf(skipReason !== undefined)('examples/browser in headless Chromium', () => {
  let built: BuildResult;
  let site: StaticServer | undefined;
  let simulator: Simulator | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`CI is set but ${CHROMIUM} is missing: apt-get install -y chromium`);
    await rm(SITE, { recursive: true, force: true });
    await rm(SCREENSHOT, { force: true });
    await mkdir(OUTPUT, { recursive: true });
    built = await buildBrowserExample({ outdir: SITE });
    site = await serveStatic(SITE);
    // A create takes 20 s / 100 = 200 ms: several polls, each status seen live.
    simulator = await startSimulator({ timeScale: 100, cors: site.origin });
    // Imported here so that a machine without playwright-core can still run (and skip) this file.
    const { chromium } = await import('playwright-core');
    // playwright-core gives every launch a fresh, temporary --user-data-dir of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await simulator?.close();
  });

  /** Records every status each row shows, in order, from before the page's script runs. */
  async function recordStatuses(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { statuses: typeof seen }).statuses = seen;
      new MutationObserver(() => {
        // forEach: the project's `lib` has DOM but not DOM.Iterable.
        document.querySelectorAll<HTMLElement>('td.status').forEach((cell) => {
          const resource = cell.closest('tr')?.dataset.resource ?? '';
          seen[resource] ??= [];
          const list = seen[resource];
          if (list.at(-1) !== cell.textContent) list.push(cell.textContent ?? '');
        });
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  }

  it('shows Succeeded for each created instance, updated live from the waiter events', async () => {
    const page = await browser!.newPage({ viewport: { width: 900, height: 420 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
    await recordStatuses(page);

    const query = new URLSearchParams({ endpoint: simulator!.endpoint, names: INSTANCES.join(','), minDelayMs: '20', maxDelayMs: '100' });
    await page.goto(`${site!.origin}/?${query}`);
    for (const name of INSTANCES) {
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
      await row.getByRole('cell', { name: 'Succeeded', exact: true }).waitFor({ timeout: 10_000 });
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        name,
        'CreateInstance',
        'Succeeded',
        expect.stringMatching(/^\d+\.\d s$/),
      ]);
    }
    await page.locator('body[data-state]').waitFor();
    expect(await page.locator('body').getAttribute('data-state')).toBe('succeeded');
    expect(await page.getByRole('status').textContent()).toMatch(/^All 2 operations succeeded in \d+\.\d s\.$/);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const statuses = await page.evaluate(() => (window as unknown as { statuses: Record<string, string[]> }).statuses);
    expect(statuses).toEqual(Object.fromEntries(INSTANCES.map((name) => [name, ['Started', 'Succeeded']])));
    const actions = simulator!.requests.map((r) => r.action);
    expect(actions.filter((a) => a === 'CreateInstances')).toHaveLength(1);
    // Started came with the CreateInstances response; at least one poll each found Succeeded
    expect(actions.filter((a) => a === 'GetOperation').length).toBeGreaterThanOrEqual(INSTANCES.length);
    expect(errors).toEqual([]);
    expect(existsSync(SCREENSHOT)).toBe(true);
    console.log(
      `Browser bundle ${(built.bytes / 1024).toFixed(1)} KiB (${(built.gzipBytes / 1024).toFixed(1)} KiB gzipped); screenshot ${SCREENSHOT}`,
    );
    await page.close();
  });
});
