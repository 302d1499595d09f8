import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FactSheetStack } from '../../infra/stack';
import { buildStack, cdkJsonContext, STUB_ENTRY } from './support/build-stack';

/** Every acknowledgement recorded on the stack: where, which rule, why. */
function acknowledgements(stack: FactSheetStack): { path: string; id: string; reason: string }[] {
  return stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([key, reason]) => ({
          path: construct.node.path,
          id: key.replace(/^Annotation::/, ''),
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged findings on the stack', () => {
    // Template.fromStack synthesizes the app, which runs the policy-validation plugins and throws on failure.
    expect(() => buildStack({ nag: true })).not.toThrow();
  });

  it('each acknowledgement names one rule, sits on a specific resource and gives a real reason', () => {
    const { stack } = buildStack({ nag: true });
    const acks = acknowledgements(stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      // IAM5 only per finding: a blanket IAM5 would hide any future wildcard.
      if (ack.id.startsWith('AwsSolutions-IAM5')) expect(ack.id).toMatch(/\[(Resource|Action)::.+\]$/);
      expect(ack.path).not.toBe(stack.node.path);
      expect(ack.reason.length).toBeGreaterThanOrEqual(40);
    }
  });

  it('fails the synth, naming the rules, when the acknowledgements are missing', () => {
    const app = new App({
      builtinCloudFormationValidation: false,
      context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] },
    });
    const stack = new FactSheetStack(app, 'Unreviewed', { resolveEntry: () => STUB_ENTRY });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let message = '';
    try {
      Template.fromStack(stack);
    } catch (err) {
      message = err instanceof Error ? err.message : String(err);
    }
    expect(message).toMatch(/ERROR/);
    expect(message).toMatch(/AwsSolutions-SQS3/);
    expect(message).toMatch(/AwsSolutions-IAM5/);
    expect(message).toMatch(/AwsSolutions-APIG4/);
  });
});
