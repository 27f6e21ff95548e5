import { describe, expect, it } from 'vitest';
import { regionsInJson, regionsOf } from '../../src/cli/input-regions.js';

const at = (regionName: unknown) => ({ location: { availabilityZone: 'all', regionName } });

describe('regionsOf', () => {
  it.each([
    ['an operation', [{ id: 'a', ...at('eu-west-2') }], ['eu-west-2']],
    ['ids only', ['a', 'b'], []],
    [
      'operations of one region, without repeats',
      [
        { id: 'a', ...at('us-east-1') },
        { id: 'b', ...at('us-east-1') },
      ],
      ['us-east-1'],
    ],
    [
      'operations of two regions, sorted',
      [
        { id: 'a', ...at('us-east-1') },
        { id: 'b', ...at('ap-south-1') },
      ],
      ['ap-south-1', 'us-east-1'],
    ],
    ['a response with operations', [{ operations: [{ id: 'a', ...at('ca-central-1') }] }], ['ca-central-1']],
    ['a response with one operation', [{ operation: { id: 'a', ...at('eu-north-1') } }], ['eu-north-1']],
    ['a container service deployment', [{ containerService: { containerServiceName: 's', ...at('eu-central-1') } }], ['eu-central-1']],
    ['container services', [{ containerServices: [{ ...at('us-west-2') }, { ...at('us-west-2') }] }], ['us-west-2']],
    ['arrays of documents', [[[{ operations: [{ id: 'a', ...at('us-gov-west-1') }] }]]], ['us-gov-west-1']],
    ['a domain operation (global is no region)', [{ id: 'a', ...at('global') }], []],
    [
      'a regionName that is no region',
      [
        { id: 'a', ...at('US East') },
        { id: 'b', ...at(7) },
        { id: 'c', location: null },
      ],
      [],
    ],
    ['a distribution origin, which is not where the input lives', [{ distribution: { origin: { regionName: 'us-west-2' } } }], []],
  ])('reads %s', (_name, values, expected) => {
    expect(regionsOf(values as unknown[])).toEqual(expected);
  });
});

describe('regionsInJson', () => {
  it('reads the documents of stdin text', () => {
    const text = `${JSON.stringify({ containerService: at('eu-west-3') })}\n${JSON.stringify({ containerService: at('eu-west-3') })}`;
    expect(regionsInJson(text)).toEqual(['eu-west-3']);
  });

  it.each([
    ['names', 'web-1 web-2'],
    ['broken JSON', '{"containerService": '],
    ['nothing', ''],
  ])('finds none in %s', (_name, text) => {
    expect(regionsInJson(text)).toEqual([]);
  });
});
