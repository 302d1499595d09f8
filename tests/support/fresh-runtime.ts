/**
 * Starts the local runtime on fresh module instances, as a new `npm start` process would. The handlers
 * wire their SDK clients once per module instance (as on Lambda), so a second in-process start that reused
 * them would talk to the previous start's emulator ports.
 */
import type { RuntimeHandle, RuntimeOptions } from '../../infra/local/runtime';
import { resetClients } from '../../shared/aws/clients';

export async function startFreshRuntime(options: RuntimeOptions): Promise<RuntimeHandle> {
  let handle: RuntimeHandle | undefined;
  await jest.isolateModulesAsync(async () => {
    const runtime = require('../../infra/local/runtime') as typeof import('../../infra/local/runtime');
    handle = await runtime.startRuntime(options);
  });
  // The test's own clients (this module registry's) follow the endpoints the new start exported.
  resetClients();
  if (!handle) throw new Error('startRuntime did not return');
  return handle;
}
