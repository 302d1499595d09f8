import {
  checkFunctionEnvironment,
  localFunctionEnvironment,
  readStartEnvironment,
} from '../../../infra/local/environment';
import { ConfigError } from '../../../shared/config';
import { functionNameVariable } from '../../../shared/env';
import { functions, schedule } from '../../../shared/topology';

describe('the local function environment', () => {
  it("names every invoked function as bind-access does on AWS, from the topology's access", () => {
    const env = localFunctionEnvironment({});
    const invoked = Object.values(functions).flatMap((spec) => spec.access.invoke ?? []);
    expect(invoked.length).toBeGreaterThan(0);
    for (const name of invoked) expect(env[functionNameVariable(name)]).toBe(name);
    expect(env.INGEST_FUNCTION_NAME).toBe('ingest');
  });

  it('keeps what the user set and adds the loopback host', () => {
    const env = localFunctionEnvironment({ ALLOWED_HOSTS: 'example.org', ALLOW_PRIVATE_ADDRESSES: 'false' });
    expect(env.ALLOWED_HOSTS).toBe('example.org,127.0.0.1');
    expect(env.ALLOW_PRIVATE_ADDRESSES).toBe('false');
  });

  it.each([
    ['ALLOW_PRIVATE_ADDRESSES', 'yes'],
    ['WEBHOOK_ALLOW_LOOPBACK', '1'],
  ])('refuses %s=%s at start-up with an error naming it', (name, value) => {
    expect(() => checkFunctionEnvironment({ [name]: value })).toThrow(ConfigError);
    expect(() => checkFunctionEnvironment({ [name]: value })).toThrow(
      `Environment variable ${name} must be true or false, got "${value}"`,
    );
  });

  it('accepts the defaults', () => {
    expect(() => checkFunctionEnvironment({})).not.toThrow();
  });
});

describe("npm start's environment", () => {
  it('has the documented defaults', () => {
    expect(readStartEnvironment({})).toEqual({
      port: 3000,
      dataDir: '.data',
      apiToken: undefined,
      refreshRate: schedule.rate,
      ingestDelayMs: 0,
      notifyBackoffMs: 0,
    });
  });

  it('refuses a port out of range, naming the variable', () => {
    expect(() => readStartEnvironment({ PORT: '70000' })).toThrow('PORT must be an integer from 0 to 65535');
  });
});
