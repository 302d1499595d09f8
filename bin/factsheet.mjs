#!/usr/bin/env node
// `npx factsheet …`: runs the TypeScript CLI (cli/main.ts) through tsx's require hook, no build step.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs/api').register();
require(join(root, 'cli', 'main.ts'));
