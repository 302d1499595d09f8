import type { Emulators } from '../../infra/local/emulators';
import { removeRunTempDir } from './run-temp-dir';

export default async function globalTeardown(): Promise<void> {
  const emulators = (globalThis as { __emulators__?: Emulators }).__emulators__;
  await emulators?.stop();
  removeRunTempDir();
}
