/**
 * API Gateway REST proxy (v1) → the shared/api router. Built once per warm instance, so the caches of
 * immutable revisions and the short-lived META cache survive between invocations.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { createApi } from '../shared/api/app';
import { proxyResultFromResponse, requestFromProxyEvent } from '../shared/api/proxy-event';
import type { ApiHandler } from '../shared/api/router';
import { loadConfig } from '../shared/config';
import { apiDepsFromConfig } from '../shared/wiring/api';

const logger = new Logger({ serviceName: 'api' });
let api: ApiHandler | undefined;

function instance(): ApiHandler {
  api ??= createApi({
    ...apiDepsFromConfig(loadConfig()),
    // Method and path only: headers (Authorization) and bodies never reach the logs.
    onServerError: (err, request) =>
      logger.error('request failed', { method: request.method, path: request.path, err }),
  });
  return api;
}

export async function handler(
  event: APIGatewayProxyEvent,
  context?: Context,
): Promise<APIGatewayProxyResult> {
  const request = requestFromProxyEvent(event);
  const response = await instance()(request, {
    requestId: context?.awsRequestId ?? event.requestContext?.requestId,
  });
  return proxyResultFromResponse(response);
}
