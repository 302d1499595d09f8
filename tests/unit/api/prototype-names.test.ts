/**
 * On AWS the proxy event is parsed JSON: plain objects whose keys may be `constructor` or `__proto__`.
 * The request built from it must treat those as names (own entries), never reach or replace a prototype.
 */

import { z } from 'zod';
import { requestFromProxyEvent } from '../../../shared/api/proxy-event';
import { queryValues } from '../../../shared/api/validate';
import { ValidationError } from '../../../shared/errors';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe.each(NAMES)('a request naming %s', (name) => {
  // JSON.parse makes `__proto__` an own key, as Lambda's runtime does with the gateway's event.
  const event = JSON.parse(
    JSON.stringify({
      httpMethod: 'GET',
      path: '/sheets',
      headers: { [name]: 'h' },
      multiValueHeaders: { [name]: ['h'] },
      queryStringParameters: { [name]: 'q' },
      multiValueQueryStringParameters: { [name]: ['q'] },
    }),
  );

  it('keeps it as one header and one query value, on no prototype', () => {
    const request = requestFromProxyEvent(event);
    expect(Object.getPrototypeOf(request.headers)).toBeNull();
    expect(Object.getPrototypeOf(request.query)).toBeNull();
    expect(Object.entries(request.headers)).toEqual([[name.toLowerCase(), 'h']]);
    expect(Object.entries(request.query)).toEqual([[name, ['q']]]);
    expect(request.headers['if-none-match']).toBeUndefined();
  });

  it('is an ordinary single query value where a route declares it', () => {
    const schema = z.object(Object.fromEntries([[name, z.string().optional()]]));
    const values = queryValues(schema, requestFromProxyEvent(event).query);
    expect(Object.entries(values)).toEqual([[name, 'q']]);
    expect(Object.getPrototypeOf(values)).toBeNull();
  });

  it('is an unknown parameter, named in the error, where a route does not declare it', () => {
    const attempt = () =>
      queryValues(z.object({ limit: z.string().optional() }), requestFromProxyEvent(event).query);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(`query parameter ${name} is not known`);
  });
});
