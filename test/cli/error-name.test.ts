import { describe, expect, it } from 'vitest';
import { errorName, retryText } from '../../src/cli/render/plain.js';

describe('errorName, as retry lines show it', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    [Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }), 'ThrottlingException'],
    [new Error('no code'), 'Error'],
    ['a string', 'Error'],
    [null, 'Error'],
  ])('%o → %s', (error, name) => {
    expect(errorName(error)).toBe(name);
  });

  it('names a socket error by its code, as the final report does', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(retryText('GetOperation', error, 1_000, (text) => text)).toBe('GetOperation failed with ECONNREFUSED; retrying in 1s');
  });
});
