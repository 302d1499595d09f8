import { ConfigError, DEFAULT_ALLOWED_HOSTS, loadConfig } from '../../shared/config';

describe('loadConfig', () => {
  it('names the missing variable', () => {
    expect(() => loadConfig({ BUCKET_NAME: 'b' })).toThrow(
      new ConfigError('Environment variable TABLE_NAME is required but not set'),
    );
  });

  it('rejects a non-numeric size limit', () => {
    expect(() => loadConfig({ TABLE_NAME: 't', BUCKET_NAME: 'b', MAX_SOURCE_BYTES: '2MB' })).toThrow(
      /MAX_SOURCE_BYTES/,
    );
  });

  it('reads ALLOW_PRIVATE_ADDRESSES as true or false in any case, and refuses anything else by name', () => {
    const base = { TABLE_NAME: 't', BUCKET_NAME: 'b' };
    expect(loadConfig(base).allowPrivateAddresses).toBe(false);
    expect(loadConfig({ ...base, ALLOW_PRIVATE_ADDRESSES: 'TRUE' }).allowPrivateAddresses).toBe(true);
    expect(loadConfig({ ...base, ALLOW_PRIVATE_ADDRESSES: 'false' }).allowPrivateAddresses).toBe(false);
    expect(() => loadConfig({ ...base, ALLOW_PRIVATE_ADDRESSES: 'yes' })).toThrow(
      new ConfigError('Environment variable ALLOW_PRIVATE_ADDRESSES must be true or false, got "yes"'),
    );
  });

  it('adds configured hosts to the default allowlist', () => {
    const config = loadConfig({ TABLE_NAME: 't', BUCKET_NAME: 'b', ALLOWED_HOSTS: '127.0.0.1, Example.org' });
    expect(config.allowedHosts).toEqual([...DEFAULT_ALLOWED_HOSTS, '127.0.0.1', 'example.org']);
    expect(config.maxSourceBytes).toBe(2 * 1024 * 1024);
  });

  it('reads INGEST_FUNCTION_NAME when set, and leaves it out when not (only the api needs it)', () => {
    expect(
      loadConfig({ TABLE_NAME: 't', BUCKET_NAME: 'b', INGEST_FUNCTION_NAME: ' stack-Ingest ' }),
    ).toMatchObject({
      ingestFunctionName: 'stack-Ingest',
    });
    expect(
      'ingestFunctionName' in loadConfig({ TABLE_NAME: 't', BUCKET_NAME: 'b', INGEST_FUNCTION_NAME: '' }),
    ).toBe(false);
  });
});
