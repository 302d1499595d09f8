import { Match, type Template } from 'aws-cdk-lib/assertions';
import { API_STAGE, API_THROTTLE, BINARY_MEDIA_TYPES, pathParameters } from '../../infra/constructs/rest-api';
import type { FactSheetStack } from '../../infra/stack';
import { routes } from '../../shared/topology';
import { buildStack } from './support/build-stack';
import { apiRoutes, logicalIdOf } from './support/template-queries';

interface MethodProps {
  HttpMethod: string;
  AuthorizationType: string;
  AuthorizerId?: unknown;
  OperationName: string;
  RequestParameters: Record<string, boolean>;
  RequestValidatorId?: unknown;
  Integration: { Type: string; Uri: unknown };
}

describe('REST API from the topology routes', () => {
  let template: Template;
  let stack: FactSheetStack;
  let methods: Map<string, MethodProps>;

  beforeAll(() => {
    ({ template, stack } = buildStack());
    const all = Object.values(template.findResources('AWS::ApiGateway::Method')).map(
      (m) => m.Properties as MethodProps,
    );
    methods = new Map(all.map((m) => [m.OperationName, m]));
  });

  it('every topology route exists, and no other (no proxy resource)', () => {
    const preflights = [...new Set(routes.map((r) => r.path))].map((path) => `OPTIONS ${path}`);
    expect(apiRoutes(template)).toEqual(
      [...routes.map((r) => `${r.method} ${r.path}`), ...preflights].sort(),
    );
    const pathParts = Object.values(template.findResources('AWS::ApiGateway::Resource')).map(
      (r) => r.Properties.PathPart as string,
    );
    expect(pathParts.filter((part) => part.includes('+'))).toEqual([]);
  });

  it.each(routes.filter((r) => r.auth))('write route $method $path uses the token authorizer', (route) => {
    const method = methods.get(route.operationId)!;
    expect(method.AuthorizationType).toBe('CUSTOM');
    expect(method.AuthorizerId).toEqual({ Ref: logicalIdOf(stack.api.node.findChild('TokenAuthorizer')) });
    expect(method.RequestParameters['method.request.header.Authorization']).toBe(true);
  });

  it.each(routes.filter((r) => !r.auth))('read route $method $path is public (no authorizer)', (route) => {
    const method = methods.get(route.operationId)!;
    expect(method.AuthorizationType).toBe('NONE');
    expect(method.AuthorizerId).toBeUndefined();
  });

  it('the authorizer is a TOKEN authorizer on the Authorization header, backed by the authorizer function', () => {
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    const authorizer = Object.values(template.findResources('AWS::ApiGateway::Authorizer'))[0]!.Properties;
    expect(authorizer.Type).toBe('TOKEN');
    expect(authorizer.IdentitySource).toBe('method.request.header.Authorization');
    expect(authorizer.AuthorizerResultTtlInSeconds).toBe(0);
    expect(JSON.stringify(authorizer.AuthorizerUri)).toContain(logicalIdOf(stack.functions.authorizer));
  });

  it('every method validates its required path parameters and proxies to the api function', () => {
    const validators = template.findResources('AWS::ApiGateway::RequestValidator');
    const [validatorId] = Object.keys(validators);
    expect(validators[validatorId!]!.Properties).toMatchObject({ ValidateRequestParameters: true });
    for (const route of routes) {
      const method = methods.get(route.operationId)!;
      expect(method.RequestValidatorId).toEqual({ Ref: validatorId });
      for (const name of pathParameters(route.path)) {
        expect(method.RequestParameters[`method.request.path.${name}`]).toBe(true);
      }
      expect(method.Integration.Type).toBe('AWS_PROXY');
      expect(JSON.stringify(method.Integration.Uri)).toContain(logicalIdOf(stack.functions.api));
    }
  });

  it('the stage is throttled, access-logged as JSON, with execution metrics and no body logging', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: {
        DestinationArn: { 'Fn::GetAtt': [logicalIdOf(stack.api.accessLogs), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      MethodSettings: [
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          MetricsEnabled: true,
          DataTraceEnabled: false,
          LoggingLevel: 'ERROR',
          ThrottlingRateLimit: API_THROTTLE.rateLimit,
          ThrottlingBurstLimit: API_THROTTLE.burstLimit,
        }),
      ],
    });
  });

  it('execution logs go to a stack-owned log group with the access logs’ retention, created before the stage', () => {
    const resources = template.toJSON().Resources as Record<
      string,
      { Type: string; Properties: Record<string, unknown>; DependsOn?: string[]; DeletionPolicy?: string }
    >;
    const apiId = logicalIdOf(stack.api.api);
    // The name API Gateway writes execution logs to; if it does not exist, API Gateway creates it unretained.
    const executionName = {
      'Fn::Join': ['', ['API-Gateway-Execution-Logs_', { Ref: apiId }, `/${API_STAGE}`]],
    };
    const matches = Object.entries(resources).filter(
      ([, r]) =>
        r.Type === 'AWS::Logs::LogGroup' &&
        JSON.stringify(r.Properties.LogGroupName) === JSON.stringify(executionName),
    );
    expect(matches).toHaveLength(1);
    const [id, group] = matches[0]!;
    expect(id).toBe(logicalIdOf(stack.api.executionLogs));
    const accessLogs = resources[logicalIdOf(stack.api.accessLogs)]!;
    expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    expect(group.Properties.RetentionInDays).toBe(accessLogs.Properties.RetentionInDays);
    expect(group.DeletionPolicy).toBe(accessLogs.DeletionPolicy);
    expect(group.DeletionPolicy).toBe('Retain');
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGateway::Stage')!;
    expect(stage.DependsOn).toEqual(expect.arrayContaining([id]));
  });

  it('a regional endpoint that passes doc assets and upload bodies through as bytes', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['REGIONAL'] },
      BinaryMediaTypes: BINARY_MEDIA_TYPES,
    });
    // Otherwise API Gateway decodes uploads as text and invalid UTF-8 arrives as U+FFFD, accepted.
    expect(BINARY_MEDIA_TYPES).toEqual(expect.arrayContaining(['text/plain', 'text/html']));
  });

  it('CORS preflight reaches the api function without the authorizer', () => {
    const preflights = [...methods.values()].filter((m) => m.HttpMethod === 'OPTIONS');
    expect(preflights).toHaveLength(new Set(routes.map((r) => r.path)).size);
    for (const method of preflights) {
      expect(method.AuthorizationType).toBe('NONE');
      expect(JSON.stringify(method.Integration.Uri)).toContain(logicalIdOf(stack.functions.api));
    }
  });

  it('API Gateway rejections answer application/problem+json', () => {
    const responses = Object.values(template.findResources('AWS::ApiGateway::GatewayResponse')).map(
      (r) => r.Properties,
    );
    expect(responses.map((r) => r.ResponseType).sort()).toEqual(
      [
        'ACCESS_DENIED',
        'BAD_REQUEST_PARAMETERS',
        'MISSING_AUTHENTICATION_TOKEN',
        'THROTTLED',
        'UNAUTHORIZED',
      ].sort(),
    );
    for (const response of responses) {
      expect(response.ResponseParameters['gatewayresponse.header.Content-Type']).toBe(
        "'application/problem+json'",
      );
      const body = response.ResponseTemplates['application/json'] as string;
      expect(body).toContain(`"status":${response.StatusCode}`);
      // The same fields the function's problems carry (shared/api/problem.ts): type, title, status, code.
      const code = /"code":"([a-z-]+)"/.exec(body)?.[1];
      expect(body).toContain(`"type":"/problems/${code}"`);
    }
  });

  it('pathParameters names every {param} of a path', () => {
    expect(pathParameters('/sheets/{id}/revisions/{rev}')).toEqual(['id', 'rev']);
    expect(pathParameters('/health')).toEqual([]);
  });
});
