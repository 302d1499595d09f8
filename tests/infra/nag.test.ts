import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FactSheetStack } from '../../infra/stack';
import { buildStack, cdkJsonContext, STUB_ENTRY } from './support/build-stack';

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged findings on the stack', () => {
    // Template.fromStack synthesizes the app, which runs the policy-validation plugins and throws on failure.
    expect(() => buildStack({ nag: true })).not.toThrow();
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
