/**
 * The local stand-in for the Lambda Invoke API, so a handler that invokes another function (the api
 * invoking ingest to reprocess) runs unchanged: the SDK's LambdaClient talks to this server through
 * AWS_ENDPOINT_URL_LAMBDA. It serves `POST /2015-03-31/functions/{FunctionName}/invocations` for
 * RequestResponse invocations with the in-process handler of that topology function, answering as Lambda
 * does: the handler's JSON result with 200, or, when it throws, 200 with `X-Amz-Function-Error: Unhandled`
 * and `{ errorType, errorMessage }`. An unknown function is a 404 ResourceNotFoundException. Lambda's 6 MB
 * payload limits hold here too, answered as Lambda answers them, so an oversized invocation fails locally
 * the way it would on AWS: a request over it is a 413 RequestTooLargeException, a result over it the
 * function error `Function.ResponseSizeTooLarge`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LAMBDA_SYNC_PAYLOAD_BYTES } from '../../shared/pipeline/preview-limits';
import { type FunctionName, functions } from '../../shared/topology';
import { lambdaContext } from './lambda-context';
import { listenOnLoopback } from './loopback-server';
import { refuseBrowserRequest } from './refuse-browsers';

/** An in-process handler; `never` so any handler signature fits (the endpoint passes parsed JSON). */
export type LocalFunction = (event: never, context: never) => unknown;

export interface LambdaEndpoint {
  /** `http://127.0.0.1:PORT`, the value for AWS_ENDPOINT_URL_LAMBDA. */
  url: string;
  close(): Promise<void>;
}

export interface LambdaEndpointOptions {
  region?: string;
  /** 127.0.0.1 port; 0 (default) picks a free one. */
  port?: number;
  /** Largest request and response payload, bytes (default: Lambda's 6 MB). */
  maxPayloadBytes?: number;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** `ingest`, or the function's ARN (`arn:aws:lambda:region:account:function:ingest[:qualifier]`). */
function functionNameOf(raw: string): string {
  const name = decodeURIComponent(raw);
  return name.startsWith('arn:') ? (name.split(':')[6] ?? name) : name;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  sendText(res, status, JSON.stringify(body) ?? 'null', headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>) {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(text);
}

/** A Lambda service error, as the SDK's REST-JSON deserializer reads it (type from x-amzn-ErrorType). */
function sendServiceError(res: ServerResponse, status: number, type: string, message: string) {
  sendJson(res, status, { Type: 'User', message }, { 'x-amzn-ErrorType': type });
}

/** The body as text, or null once it passes `limit` bytes (the rest is drained, not kept). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).byteLength;
    if (bytes <= limit) chunks.push(chunk as Buffer);
  }
  return bytes > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/** Starts the endpoint on 127.0.0.1 with the given handlers (only those can be invoked). */
export async function startLambdaEndpoint(
  handlers: Partial<Record<FunctionName, LocalFunction>>,
  options: LambdaEndpointOptions = {},
): Promise<LambdaEndpoint> {
  const region = options.region ?? 'us-east-1';
  const limit = options.maxPayloadBytes ?? LAMBDA_SYNC_PAYLOAD_BYTES;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = req.method === 'POST' ? INVOKE_PATH.exec(url.pathname) : null;
    const body = await readBody(req, limit);
    if (!match?.[1]) {
      return sendServiceError(res, 404, 'UnknownOperationException', `${req.method} ${url.pathname}`);
    }
    const name = functionNameOf(match[1]);
    const handler = Object.hasOwn(handlers, name) ? handlers[name as FunctionName] : undefined;
    if (!handler) {
      return sendServiceError(res, 404, 'ResourceNotFoundException', `Function not found: ${name}`);
    }
    const invocationType = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    if (invocationType !== 'RequestResponse') {
      return sendServiceError(
        res,
        400,
        'InvalidParameterValueException',
        `Invocation type ${invocationType} is not supported locally (RequestResponse only)`,
      );
    }
    if (body === null) {
      return sendServiceError(
        res,
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      );
    }
    let event: unknown;
    try {
      event = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendServiceError(
        res,
        400,
        'InvalidRequestContentException',
        'Could not parse request body into json',
      );
    }
    const fn = name as FunctionName;
    const context = lambdaContext(fn, functions[fn].timeoutSeconds, region);
    const headers = { 'X-Amz-Executed-Version': '$LATEST' };
    try {
      const result = await (handler as (event: unknown, context: unknown) => unknown)(event, context);
      const text = JSON.stringify(result ?? null);
      if (Buffer.byteLength(text) > limit) {
        return sendJson(
          res,
          200,
          {
            errorType: 'Function.ResponseSizeTooLarge',
            errorMessage: `Response payload size exceeded maximum allowed payload size (${limit} bytes).`,
          },
          { ...headers, 'X-Amz-Function-Error': 'Unhandled' },
        );
      }
      sendText(res, 200, text, headers);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      sendJson(
        res,
        200,
        { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') },
        { ...headers, 'X-Amz-Function-Error': 'Unhandled' },
      );
    }
  }

  const server: Server = createServer((req, res) => {
    if (refuseBrowserRequest(req, res)) return;
    serve(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendServiceError(res, 500, 'ServiceException', String(err));
      else res.destroy();
    });
  });
  return listenOnLoopback(server, options.port ?? 0);
}
