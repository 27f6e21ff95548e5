import { describe, expect, it } from 'vitest';
import type { Acceptor } from '../../../src/index.js';
import { acceptError, acceptOutput } from '../../../src/policy/acceptors.js';
import { classifyRequestError, isNotFoundError } from '../../../src/policy/request-error-kind.js';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name}!`), { name, ...extra });

describe('isNotFoundError: Lightsail says the thing does not exist, in either shape', () => {
  it.each([
    ['NotFoundException', named('NotFoundException'), true],
    ['the older DoesNotExist name', named('DoesNotExist'), true],
    ["a LightsailServiceException with code 'DoesNotExist'", named('LightsailServiceException', { code: 'DoesNotExist' }), true],
    ['a plain object named NotFoundException', { name: 'NotFoundException' }, true],
    ['AccessDeniedException', named('AccessDeniedException'), false],
    ['a LightsailServiceException with another code', named('LightsailServiceException', { code: 'InvalidInput' }), false],
    ['an HTTP 404 without a not-found name', named('UnknownError', { $metadata: { httpStatusCode: 404 } }), false],
    ['the string NotFoundException', 'NotFoundException', false],
    ['null', null, false],
    ['undefined', undefined, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isNotFoundError(error)).toBe(expected);
  });

  it.each([named('NotFoundException'), named('DoesNotExist'), named('LightsailServiceException', { code: 'DoesNotExist' })])(
    'classifies %o as not-found (retried within the grace window)',
    (error) => {
      expect(classifyRequestError(error)).toBe('not-found');
    },
  );
});

type Out = { state: string };
const out = (state: string): Out => ({ state });

describe('acceptOutput: the first output acceptor that matches decides', () => {
  const acceptors: Acceptor<Out>[] = [
    { state: 'failure', error: 'NotFoundException' },
    { state: 'success', matches: (o) => o.state === 'ready' },
    { state: 'failure', matches: (o) => o.state === 'broken', reason: (o) => `it is ${o.state}` },
    { state: 'failure', matches: (o) => o.state === 'gone', reason: 'it went away' },
    { state: 'failure', matches: (o) => o.state === 'odd' },
    { state: 'retry', matches: (o) => o.state === 'ready-ish' },
    { state: 'success', matches: (o) => o.state.startsWith('ready') },
  ];

  it.each([
    ['ready', { state: 'success' }],
    ['broken', { state: 'failure', reason: 'it is broken' }],
    ['gone', { state: 'failure', reason: 'it went away' }],
    ['odd', { state: 'failure', reason: 'a failure state' }],
    ['ready-ish', { state: 'retry' }],
    ['ready-now', { state: 'success' }],
    ['pending', { state: 'retry' }],
  ])('%s → %o', (state, verdict) => {
    expect(acceptOutput(acceptors, out(state), undefined)).toEqual(verdict);
  });

  it('hands the checked input to matches', () => {
    const byInput: Acceptor<Out, { want: string }>[] = [{ state: 'success', matches: (o, input) => o.state === input.want }];
    expect(acceptOutput(byInput, out('b'), { want: 'b' })).toEqual({ state: 'success' });
    expect(acceptOutput(byInput, out('b'), { want: 'a' })).toEqual({ state: 'retry' });
  });

  it('returns frozen verdicts', () => {
    expect(Object.isFrozen(acceptOutput(acceptors, out('broken'), undefined))).toBe(true);
    expect(Object.isFrozen(acceptOutput(acceptors, out('pending'), undefined))).toBe(true);
  });
});

describe('acceptError: the first error acceptor that matches decides', () => {
  const acceptors: Acceptor<Out>[] = [
    { state: 'success', matches: () => true },
    { state: 'success', error: 'NotFoundException' },
    { state: 'failure', error: 'AccessDeniedException', reason: 'no permission' },
    { state: 'failure', error: 'InvalidInputException' },
    { state: 'retry', error: (e) => (e as { code?: string }).code === 'EAGAIN' },
  ];

  it.each([
    ['NotFoundException', named('NotFoundException'), { state: 'success' }],
    ['DoesNotExist, through the NotFoundException matcher', named('DoesNotExist'), { state: 'success' }],
    [
      'code DoesNotExist, through the NotFoundException matcher',
      named('LightsailServiceException', { code: 'DoesNotExist' }),
      { state: 'success' },
    ],
    ['AccessDeniedException, with its reason', named('AccessDeniedException'), { state: 'failure', reason: 'no permission' }],
    [
      'InvalidInputException, named when no reason is given',
      named('InvalidInputException'),
      { state: 'failure', reason: 'InvalidInputException' },
    ],
    ['a predicate match', named('Error', { code: 'EAGAIN' }), { state: 'retry' }],
    ['an unmatched error', named('ThrottlingException'), undefined],
    ['a thrown string', 'boom', undefined],
  ])('%s → %o', (_label, error, verdict) => {
    expect(acceptError(acceptors, error)).toEqual(verdict);
  });

  it('matches other names exactly, not the older not-found shapes', () => {
    const onlyDoesNotExist: Acceptor<Out>[] = [{ state: 'success', error: 'DoesNotExist' }];
    expect(acceptError(onlyDoesNotExist, named('NotFoundException'))).toBeUndefined();
    expect(acceptError(onlyDoesNotExist, named('DoesNotExist'))).toEqual({ state: 'success' });
  });

  it("names a thrown non-object 'Error' in a failure reason", () => {
    expect(acceptError([{ state: 'failure', error: () => true }], 42)).toEqual({ state: 'failure', reason: 'Error' });
  });
});
