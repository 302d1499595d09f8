/**
 * CDK app entry (`cdk.json` runs it with tsx). Context: `refreshRate` (e.g. `-c refreshRate="6 hours"`),
 * optional `allowedHosts` (comma-separated extra hosts the fetching functions, api and refresh, may use).
 */
import { App } from 'aws-cdk-lib';
import { applyNag } from './nag';
import { FactSheetStack } from './stack';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};
const stack = new FactSheetStack(app, 'FactSheetPipeline', {
  description: 'Fact-sheet pipeline: S3 uploads → ingest → DynamoDB, served over API Gateway',
  refreshRate: context('refreshRate'),
  allowedHosts: context('allowedHosts'),
  // Unset outside `cdk deploy`: the stack then synthesizes environment-agnostic, fully offline.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
applyNag(app, stack);
