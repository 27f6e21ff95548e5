/**
 * What the simulator knows of Lightsail bundles and blueprints, for the `hardware`, `networking`,
 * `blueprintName` and `username` of `GetInstance`, and of disk IOPS. Values come from the AWS CLI's
 * Lightsail examples and the Lightsail developer guide; where neither says, they are illustrative and
 * marked so.
 */

/** What an instance's bundle gives it. */
export interface BundleSpec {
  readonly cpuCount: number;
  readonly ramSizeInGb: number;
  /** The system disk's size. */
  readonly diskSizeInGb: number;
  /** `networking.monthlyTransfer.gbPerMonthAllocated`. */
  readonly transferPerMonthInGb: number;
}

/**
 * Bundles as published: nano, micro and small from get-bundles.rst; medium from get-instance.rst
 * (`medium_3_0`: 2 CPUs, 4 GB, an 80 GB system disk, 4096 GB a month).
 */
const BUNDLES: Readonly<Record<string, BundleSpec>> = {
  nano_3_0: { cpuCount: 2, ramSizeInGb: 0.5, diskSizeInGb: 20, transferPerMonthInGb: 1024 },
  micro_3_0: { cpuCount: 2, ramSizeInGb: 1, diskSizeInGb: 40, transferPerMonthInGb: 2048 },
  small_3_0: { cpuCount: 2, ramSizeInGb: 2, diskSizeInGb: 60, transferPerMonthInGb: 3072 },
  medium_3_0: { cpuCount: 2, ramSizeInGb: 4, diskSizeInGb: 80, transferPerMonthInGb: 4096 },
};

/** A bundle's hardware; an unknown bundle id gets `nano_3_0`'s, which is illustrative. */
export function bundleOf(bundleId: string): BundleSpec {
  return BUNDLES[bundleId] ?? (BUNDLES.nano_3_0 as BundleSpec);
}

/** What an instance's blueprint gives it. */
export interface BlueprintSpec {
  readonly name: string;
  /** The user name to connect with. */
  readonly username: string;
  /** The TCP ports its firewall opens to anyone at creation, in the order real answers list them. */
  readonly ports: readonly number[];
}

// Default firewalls, from the developer guide's "Default Lightsail firewall rules"
// (understanding-firewall-and-port-mappings-in-amazon-lightsail.md): base operating systems open
// SSH 22 and HTTP 80; CMS applications and development stacks add HTTPS 443; Windows adds RDP 3389.
// get-instance.rst and get-instances.rst list HTTP first, then SSH, then the rest.
const OS_PORTS = [80, 22];
const APP_PORTS = [80, 22, 443];
const WINDOWS_PORTS = [80, 22, 3389];

/**
 * Blueprint families by id prefix. User names: the developer guide (amazon-lightsail-ssh-using-terminal.md:
 * "Amazon Linux, Amazon Linux 2, FreeBSD, and openSUSE instances: `ec2-user`", CentOS `centos`, Debian
 * `admin`, Ubuntu `ubuntu`, Bitnami `bitnami`) and get-instances.rst (Windows: `Administrator`). Names:
 * `Ubuntu` is the one a published get-instance answer shows for `ubuntu_20_04`; the other family names
 * are illustrative, and an application without a published name (`NAMES`) is named after its id.
 */
const FAMILIES: ReadonlyArray<{ readonly match: RegExp; readonly name?: string } & Omit<BlueprintSpec, 'name'>> = [
  { match: /^ubuntu/, name: 'Ubuntu', username: 'ubuntu', ports: OS_PORTS },
  { match: /^debian/, name: 'Debian', username: 'admin', ports: OS_PORTS },
  { match: /^amazon_linux/, name: 'Amazon Linux', username: 'ec2-user', ports: OS_PORTS },
  { match: /^centos/, name: 'CentOS', username: 'centos', ports: OS_PORTS },
  { match: /^freebsd/, name: 'FreeBSD', username: 'ec2-user', ports: OS_PORTS },
  { match: /^opensuse/, name: 'openSUSE', username: 'ec2-user', ports: OS_PORTS },
  { match: /^windows/, name: 'Windows Server', username: 'Administrator', ports: WINDOWS_PORTS },
  {
    match: /^(wordpress|ghost|joomla|prestashop|drupal|lamp|django|nodejs|mean|gitlab|nginx|magento|redmine)/,
    username: 'bitnami',
    ports: APP_PORTS,
  },
];

/** Blueprint names as published: get-instance.rst (`mean`), get-instances.rst (`windows_server_2022`), get-blueprints.rst. */
const NAMES: Readonly<Record<string, string>> = {
  mean: 'MEAN',
  windows_server_2022: 'Windows Server 2022',
  wordpress: 'WordPress',
  lamp_8_bitnami: 'LAMP (PHP 8)',
  nodejs: 'Node.js',
};

/**
 * A blueprint's name, user name and default firewall. An id of no known family is treated as a base
 * operating system named after its id, with `ec2-user` (the model's example user name): illustrative.
 */
export function blueprintOf(blueprintId: string): BlueprintSpec {
  const family = FAMILIES.find((f) => f.match.test(blueprintId));
  return {
    name: NAMES[blueprintId] ?? family?.name ?? blueprintId,
    username: family?.username ?? 'ec2-user',
    ports: family?.ports ?? OS_PORTS,
  };
}

/** `networking.ports` of a default firewall, each rule shaped as in get-instance.rst. */
export function defaultPortsJson(ports: readonly number[]): object[] {
  return ports.map((port) => ({
    fromPort: port,
    toPort: port,
    protocol: 'tcp',
    accessFrom: 'Anywhere (0.0.0.0/0)',
    accessType: 'public',
    commonName: '',
    accessDirection: 'inbound',
  }));
}

/**
 * A disk's IOPS: 3 per GB, at least 100. Lightsail documents no rule; this one matches get-disk.rst
 * (8 GB: 100), get-instance.rst (80 GB: 240) and get-instances.rst (128 GB: 384), though not every
 * example (get-instances.rst also shows 8 GB with 240), so the values are illustrative.
 */
export function diskIops(sizeInGb: number): number {
  return Math.max(100, 3 * sizeInGb);
}

/** The key pair an instance created without `keyPairName` uses, as get-instances.rst names it. */
export const DEFAULT_KEY_PAIR_NAME = 'LightsailDefaultKeyPair';

/** The system disk's path, as get-instances.rst shows it (get-instance.rst shows `/dev/xvda`). */
export const SYSTEM_DISK_PATH = '/dev/sda1';
