import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sdk from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import * as lazy from '../../src/cli/lazy-sdk.js';

describe('lazy-sdk: the SDK for the CLI bundle, loaded on first use', () => {
  it('builds instances of the real command class, with their input', () => {
    const command = new lazy.GetOperationCommand({ operationId: 'op-1' });
    expect(command).toBeInstanceOf(sdk.GetOperationCommand);
    expect(command.input).toEqual({ operationId: 'op-1' });
  });

  it('answers instanceof and static members as the real class does', () => {
    expect(new sdk.GetDiskCommand({ diskName: 'd' })).toBeInstanceOf(lazy.GetDiskCommand);
    expect(lazy.GetDiskCommand.prototype).toBe(sdk.GetDiskCommand.prototype);
  });

  it('makes a real client', () => {
    const client = new lazy.LightsailClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    expect(client).toBeInstanceOf(sdk.LightsailClient);
    client.destroy();
  });

  it('stands for every SDK value the library imports, and only for SDK values', () => {
    const imported = new Set<string>();
    for (const file of sourceFiles(fileURLToPath(new URL('../../src', import.meta.url)))) {
      for (const [, names] of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-lightsail'/g)) {
        for (const name of (names ?? '').split(',').map((part) => part.trim())) {
          if (name !== '' && !name.startsWith('type ')) imported.add(name.split(/\s+as\s+/)[0] as string);
        }
      }
    }
    const { loadSdk: _, ...standIns } = lazy;
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((name) => !(name in standIns))).toEqual([]);
    expect(Object.keys(standIns).filter((name) => !(name in sdk))).toEqual([]);
  });
});

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}
