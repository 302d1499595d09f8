/**
 * Why the local runtime cannot start. Each message is one line a person can act on; main.ts prints it and
 * exits 1.
 */
import { AppError } from '../../shared/errors';

export class LocalRuntimeError extends AppError {
  readonly code: string = 'local-runtime';
}

/** PORT is taken (often: another `npm start`). */
export class PortInUseError extends LocalRuntimeError {
  override readonly code = 'port-in-use';
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (another npm start?): stop that process or set PORT to a free port`,
    );
  }
}

/** DATA_DIR cannot be used as it is; it is reported and never modified. */
export class DataDirError extends LocalRuntimeError {
  override readonly code = 'data-dir';
}
