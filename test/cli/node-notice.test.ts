import { describe, expect, it } from 'vitest';
import { nodeVersionNotice, SDK_NODE_WARNING_VARIABLE, silenceSdkNodeWarning } from '../../src/cli/node-notice.js';

describe('nodeVersionNotice', () => {
  it.each([
    ['v20.20.2', {}, 'lightsail-wait: Node.js 20 is past end of life; AWS SDK releases from January 2027 need Node.js 22\n'],
    ['v21.7.3', {}, 'lightsail-wait: Node.js 21 is past end of life; AWS SDK releases from January 2027 need Node.js 22\n'],
    ['v22.0.0', {}, undefined],
    ['v24.11.1', {}, undefined],
    ['v20.20.2', { [SDK_NODE_WARNING_VARIABLE]: 'true' }, undefined],
    [
      'v20.20.2',
      { [SDK_NODE_WARNING_VARIABLE]: 'false' },
      'lightsail-wait: Node.js 20 is past end of life; AWS SDK releases from January 2027 need Node.js 22\n',
    ],
    ['not a version', {}, undefined],
  ])('on %s with %j says %j', (version, env, expected) => {
    expect(nodeVersionNotice(version, env)).toBe(expected);
  });
});

describe('silenceSdkNodeWarning', () => {
  it('sets the variable the SDK reads to true', () => {
    const env: Record<string, string | undefined> = {};
    silenceSdkNodeWarning(env);
    expect(env).toEqual({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  });
});
