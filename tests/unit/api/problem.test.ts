import { problemResponse, toProblem } from '../../../shared/api/problem';
import {
  ConflictError,
  FetchError,
  ForbiddenError,
  InvalidSourceError,
  NotFoundError,
  PayloadTooLargeError,
  RevisionConflictError,
  TooManyRequestsError,
  TransientStoreError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../shared/errors';

describe('problem+json mapping', () => {
  it.each([
    [new ValidationError('limit is too big', 'limit'), 400],
    [new UnauthorizedError('no header'), 401],
    [new ForbiddenError('bad token'), 403],
    [new NotFoundError('nope'), 404],
    [new ConflictError('busy'), 409],
    [new RevisionConflictError('raced'), 409],
    [new PayloadTooLargeError('big'), 413],
    [new UnsupportedMediaTypeError('pdf'), 415],
    [new InvalidSourceError('invalid-utf8', 'bad bytes'), 422],
    [new InvalidSourceError('too-large', 'big'), 413],
    [new InvalidSourceError('unsupported-type', 'pdf'), 415],
    [new TooManyRequestsError('slow down'), 429],
    [new TransientStoreError('throttled'), 503],
    [new FetchError('timeout', 'origin slow'), 502],
  ])('%p → %i with the message as detail', (err, status) => {
    const { problem } = toProblem(err, { instance: '/x' });
    expect(problem).toMatchObject({ status, detail: err.message, code: err.code, instance: '/x' });
    expect(problem.type).toBe(`/problems/${err.code}`);
  });

  it('names the parameter of a validation error and the reason of a refused source', () => {
    expect(toProblem(new ValidationError('bad', 'cursor')).problem.parameter).toBe('cursor');
    expect(toProblem(new InvalidSourceError('binary', 'NUL')).problem.reason).toBe('binary');
  });

  it('turns anything else into a 500 with no internals, keeping the request id', () => {
    const res = problemResponse(
      new TypeError('Cannot read properties of undefined (reading "pk") at /var/task/x.js'),
      {
        requestId: 'req-1',
      },
    );
    expect(res.statusCode).toBe(500);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.body).not.toMatch(/pk|var\/task|TypeError/);
    expect(JSON.parse(res.body as string)).toMatchObject({
      status: 500,
      code: 'internal',
      requestId: 'req-1',
    });
  });

  it('adds WWW-Authenticate to 401 and Retry-After to 429', () => {
    expect(problemResponse(new UnauthorizedError('x')).headers['WWW-Authenticate']).toContain('Bearer');
    expect(problemResponse(new TooManyRequestsError('x')).headers['Retry-After']).toBe('1');
  });
});
