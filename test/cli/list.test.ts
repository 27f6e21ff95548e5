import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/help.js';
import { listWaiters } from '../../src/cli/list.js';
import { aliasesOf, CLI_WAITERS, WAITER_ALIASES } from '../../src/cli/waiter-catalog.js';
import { WAITER_DESCRIPTIONS } from '../../src/cli/waiter-descriptions.js';
import { runCli } from './helpers.js';

describe('--list', () => {
  it('prints every waiter with what it polls and waits for, and exits 0 without a request', async () => {
    const { code, stdout, stderr, clientConfigs } = await runCli(['--list']);
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(clientConfigs).toEqual([]);
    const width = Math.max(...[...CLI_WAITERS.keys()].map((name) => name.length));
    expect(stdout.lines).toEqual(
      [...CLI_WAITERS.values()].flatMap((definition) => [
        `${definition.name.padEnd(width)}  polls ${definition.action} until ${WAITER_DESCRIPTIONS[definition.name]}`,
        ...aliasesOf(definition.name).map((alias) => `${alias.padEnd(width)}  short for ${definition.name}`),
      ]),
    );
    expect(stdout.lines[0]).toMatch(
      /^instance-running +polls GetInstance until it is running with a public IP \(unless --no-public-ip\); fails if shutting down or terminated$/,
    );
  });

  it('prints one JSON object per waiter with --json', async () => {
    const { stdout } = await runCli(['--list', '--json']);
    const listed = stdout.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(listed.map((l) => l.waiter)).toEqual([...CLI_WAITERS.keys()]);
    expect(listed[0]).toEqual({
      waiter: 'instance-running',
      action: 'GetInstance',
      description: WAITER_DESCRIPTIONS['instance-running'],
      aliases: [],
    });
  });

  it('shows container-deployment as the short name of container-service-deployment-active', async () => {
    const { stdout } = await runCli(['--list']);
    expect(stdout.lines).toContainEqual(expect.stringMatching(/^container-deployment +short for container-service-deployment-active$/));
    const json = await runCli(['--list', '--json']);
    const listed = json.stdout.lines.map((line) => JSON.parse(line) as { waiter: string; aliases: string[] });
    expect(listed.find((l) => l.waiter === 'container-service-deployment-active')?.aliases).toEqual(['container-deployment']);
  });

  it('has a description for every waiter, and none for a waiter that does not exist', () => {
    expect(Object.keys(WAITER_DESCRIPTIONS).sort()).toEqual([...CLI_WAITERS.keys()].sort());
    for (const listing of listWaiters()) expect(listing.action).toMatch(/^Get[A-Za-z]+$/);
  });
});

describe('--help names every waiter and short name', () => {
  it.each([...CLI_WAITERS.keys(), ...WAITER_ALIASES.keys()])('%s', (name) => {
    expect(helpText()).toMatch(new RegExp(`(^|\\s)${name}(\\s|$)`, 'm'));
  });
});
