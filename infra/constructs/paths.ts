import * as path from 'node:path';

/** The repository root: handler entries in the topology and the npm lock file are relative to it. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
