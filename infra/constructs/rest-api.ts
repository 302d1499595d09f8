import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../../shared/topology';

/** Stage-wide limits; reads are public, so throttling is their only guard. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;
export const API_STAGE = 'v1';
/**
 * Types API Gateway passes through as bytes (base64 in the proxy event) instead of decoding them as text:
 * the docs favicons, and uploads, so that invalid UTF-8 reaches the function and is refused (422) rather
 * than silently turned into replacement characters.
 */
export const BINARY_MEDIA_TYPES = ['image/*', 'text/plain', 'text/html'];

export interface FactSheetApiProps {
  routes: readonly RouteSpec[];
  handler: lambda.IFunction;
  authorizer: lambda.IFunction;
  logRetention?: logs.RetentionDays;
}

/** `method.request.path.NAME` for every `{NAME}` segment of a route path. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
}

/**
 * The REST API, generated from the topology's routes: an explicit resource tree (no `{proxy+}`, so a
 * path the topology does not declare never reaches the function), the token authorizer on `auth: true`
 * routes only, request-parameter validation, stage throttling, JSON access logs and execution metrics.
 */
export class FactSheetApi extends Construct {
  readonly api: apigw.RestApi;
  readonly accessLogs: logs.LogGroup;
  /** Where API Gateway writes the stage's execution logs (`loggingLevel`), owned here for its retention. */
  readonly executionLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: FactSheetApiProps) {
    super(scope, id);
    const retention = props.logRetention ?? logs.RetentionDays.THREE_MONTHS;
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new apigw.RestApi(this, 'Api', {
      description: 'Fact sheets: sheets, figures, revisions and diffs',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // The function base64-encodes binary bodies (docs favicons); API Gateway decodes them for these types.
      binaryMediaTypes: BINARY_MEDIA_TYPES,
      // Access and execution logs need the account-level CloudWatch role.
      cloudWatchRole: true,
      deployOptions: {
        stageName: API_STAGE,
        throttlingRateLimit: API_THROTTLE.rateLimit,
        throttlingBurstLimit: API_THROTTLE.burstLimit,
        metricsEnabled: true,
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        // Request bodies carry tokens and documents: never copy them into logs.
        dataTraceEnabled: false,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
      },
    });
    // API Gateway writes execution logs to this fixed name and, when the group is missing, creates it itself
    // with no retention (kept forever). Created here first, with the access logs' retention, and before the
    // stage so no log line can arrive earlier.
    this.executionLogs = new logs.LogGroup(this, 'ExecutionLogs', {
      logGroupName: `API-Gateway-Execution-Logs_${this.api.restApiId}/${API_STAGE}`,
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api.deploymentStage.node.addDependency(this.executionLogs);
    const validator = this.api.addRequestValidator('Parameters', {
      requestValidatorName: 'required-parameters',
      validateRequestParameters: true,
      // Applies only to methods that declare a body model; bodies are schema-checked in the function.
      validateRequestBody: true,
    });
    const tokenAuthorizer = new apigw.TokenAuthorizer(this, 'TokenAuthorizer', {
      handler: props.authorizer,
      identitySource: apigw.IdentitySource.header('Authorization'),
      // No caching: a cached policy is reused for other methods, and revoked tokens must stop at once.
      resultsCacheTtl: Duration.seconds(0),
    });
    // One resource-wide permission instead of one per method keeps the function policy small.
    const integration = new apigw.LambdaIntegration(props.handler, { scopePermissionToMethod: false });

    // CORS preflight goes to the same function (unauthenticated), which answers it as it does locally.
    for (const path of new Set(props.routes.map((route) => route.path))) {
      this.api.root.resourceForPath(path).addMethod('OPTIONS', integration, {
        operationName: `preflight ${path}`,
        authorizationType: apigw.AuthorizationType.NONE,
      });
    }
    for (const route of props.routes) {
      const resource = this.api.root.resourceForPath(route.path);
      const requestParameters: Record<string, boolean> = {};
      for (const name of pathParameters(route.path)) requestParameters[`method.request.path.${name}`] = true;
      if (route.auth) requestParameters['method.request.header.Authorization'] = true;
      resource.addMethod(route.method, integration, {
        operationName: route.operationId,
        requestParameters,
        requestValidator: validator,
        ...(route.auth
          ? { authorizer: tokenAuthorizer, authorizationType: apigw.AuthorizationType.CUSTOM }
          : { authorizationType: apigw.AuthorizationType.NONE }),
      });
    }
    addProblemResponses(this.api);
  }
}

/** API Gateway's own rejections answer in the same problem+json shape as the function's errors. */
function addProblemResponses(api: apigw.RestApi): void {
  // Codes match shared/errors.ts, so clients see one problem vocabulary whichever side refused them.
  const responses: [string, apigw.ResponseType, string, string, string][] = [
    ['Unauthorized', apigw.ResponseType.UNAUTHORIZED, '401', 'Unauthorized', 'unauthorized'],
    ['AccessDenied', apigw.ResponseType.ACCESS_DENIED, '403', 'Forbidden', 'forbidden'],
    ['BadParameters', apigw.ResponseType.BAD_REQUEST_PARAMETERS, '400', 'Bad Request', 'validation'],
    ['Throttled', apigw.ResponseType.THROTTLED, '429', 'Too Many Requests', 'too-many-requests'],
    ['NotFound', apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, '404', 'Not Found', 'not-found'],
  ];
  for (const [id, type, status, title, code] of responses) {
    api.addGatewayResponse(id, {
      type,
      statusCode: status,
      responseHeaders: { 'Content-Type': "'application/problem+json'" },
      templates: {
        'application/json': `{"type":"/problems/${code}","title":"${title}","status":${status},"code":"${code}","detail":$context.error.messageString}`,
      },
    });
  }
}
