/**
 * Address allocation: public addresses in the documentation ranges or on loopback, private
 * addresses in Lightsail's 172.26.0.0/16.
 */
import type { InstanceAddressMode } from './options.js';

/** Hands out unique addresses. Internal. */
export class AddressPool {
  readonly #mode: InstanceAddressMode;
  #public = 0;
  #private = 0;

  constructor(mode: InstanceAddressMode) {
    this.#mode = mode;
  }

  /**
   * A new public address: `198.51.100.x` for instances and `203.0.113.x` for static IPs (documentation
   * ranges, RFC 5737), or in loopback mode a distinct `127.x.y.z` (never `127.0.0.1`, where the
   * simulator itself usually listens).
   */
  nextPublic(kind: 'instance' | 'staticIp'): string {
    const n = this.#public++;
    if (this.#mode === 'loopback') {
      return `127.${10 + (Math.floor(n / 64_516) % 240)}.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
    }
    const block = Math.floor(n / 254);
    const third = kind === 'instance' ? 100 + (block % 156) : 113 + (block % 143);
    return `${kind === 'instance' ? '198.51' : '203.0'}.${third}.${(n % 254) + 1}`;
  }

  /** A new private address in 172.26.0.0/16, Lightsail's default. */
  nextPrivate(): string {
    const n = this.#private++;
    return `172.26.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
  }
}
