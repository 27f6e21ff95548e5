/**
 * The availability zones of each Lightsail region, and Lightsail's answer to a zone outside the
 * request's region.
 */
import { invalidInput } from './api-error.js';

/**
 * Lightsail's zones by region, as terraform-provider-aws documents them (quoted in
 * hashicorp/terraform-provider-aws#28869, "Availability Zones" of aws_lightsail_instance).
 */
const ZONES: Readonly<Record<string, string>> = {
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'ac',
  'ap-south-1': 'ab',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ca-central-1': 'ab',
  'eu-central-1': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-2': 'abc',
};

/** The zones of a region; a region missing from the list (a newer one, or a made-up test name) gets `a` to `c`. */
export function zonesOf(region: string): string[] {
  return [...(ZONES[region] ?? 'abc')].map((letter) => `${region}${letter}`);
}

/**
 * Returns the zone if it belongs to the region; else throws Lightsail's answer: `InvalidInputException`
 * "The given Availability Zone is invalid. It must be one of the following: us-east-2a,us-east-2b,us-east-2c."
 * (a client configured for us-east-2 asking for ap-northeast-2c, hashicorp/terraform-provider-aws#28869;
 * the same wording in hashicorp/terraform#14668).
 */
export function checkZone(region: string, zone: string): string {
  const zones = zonesOf(region);
  if (!zones.includes(zone))
    throw invalidInput(`The given Availability Zone is invalid. It must be one of the following: ${zones.join(',')}.`);
  return zone;
}
