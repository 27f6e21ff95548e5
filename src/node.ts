// `lightsail-waiter/node`: the waiters that need Node.js built-ins (TCP), kept out of the main
// entry so that it stays browser-safe. Every export is named here.

import { sdkWaiter } from './adapters/sdk-waiter.js';
import { bindWaiter } from './engine/wait-for.js';
import { instancePortOpen } from './waiters/instance-port.js';

export type { InstancePortInput, InstancePortState } from './waiters/instance-port.js';
export { instancePortOpen } from './waiters/instance-port.js';

/** Waits until a TCP port of an instance's public IP accepts connections, steadily: {@link instancePortOpen}. */
export const waitForInstancePortOpen = /* @__PURE__ */ bindWaiter(instancePortOpen);

/** `waitUntilInstancePortOpen({ client, maxWaitTime }, { instanceName, port })`: {@link instancePortOpen} in the AWS SDK v3 shape. */
export const waitUntilInstancePortOpen = /* @__PURE__ */ sdkWaiter(instancePortOpen);
