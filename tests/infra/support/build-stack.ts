import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { applyNag } from '../../../infra/nag';
import { FactSheetStack, type FactSheetStackProps } from '../../../infra/stack';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const STUB_ENTRY = path.join(__dirname, 'stub-handler.ts');

/** The context `cdk synth` uses (cdk.json), so the tests assert on the stack users deploy. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context?: object };
  return { ...cdkJson.context };
}

export interface BuiltStack {
  app: App;
  stack: FactSheetStack;
  template: Template;
}

/**
 * Builds the stack the way tests need it: bundling skipped, CloudFormation validation off, every entry a
 * stub (the real handlers are not required), optionally with cdk-nag attached.
 */
export function buildStack(
  options: { nag?: boolean; props?: FactSheetStackProps; context?: Record<string, unknown> } = {},
): BuiltStack {
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { ...cdkJsonContext(), ...options.context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new FactSheetStack(app, 'Test', { resolveEntry: () => STUB_ENTRY, ...options.props });
  if (options.nag) applyNag(app, stack);
  return { app, stack, template: Template.fromStack(stack) };
}
