/**
 * Webhook signing secrets at rest: AES-256-GCM under a key that is not in the table, with the
 * subscription id as associated data (a ciphertext copied onto another subscription does not open).
 * The key comes from configuration: locally a file under DATA_DIR (0600, generated on first start), on
 * AWS a Secrets Manager secret read once per cold start. A table read alone never reveals a secret.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsManagerClient } from '../aws/clients';
import { ConfigError } from '../config';
import { ENV, optional } from '../env';

const VERSION = 'v1';

export interface SecretBox {
  seal(plaintext: string, subscriptionId: string): string;
  open(ciphertext: string, subscriptionId: string): string;
}

/** A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function secretBox(key: Uint8Array): SecretBox {
  if (key.length !== 32) throw new ConfigError('the subscription-secret key must be 32 bytes');
  return {
    seal(plaintext, subscriptionId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join('.');
    },
    open(ciphertext, subscriptionId) {
      const [version, iv, tag, body] = ciphertext.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) {
        throw new Error(`subscription ${subscriptionId}: stored secret has an unknown format`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** A fresh random key, base64 (what the local runtime writes to its key file). */
export function newBoxKey(): string {
  return randomBytes(32).toString('base64');
}

let cached: Promise<SecretBox> | undefined;

/**
 * The box from the environment: `SUBSCRIPTION_KEY_FILE` (base64 key, local runtime) or
 * `SUBSCRIPTION_KEY_SECRET_ARN` (Secrets Manager; the secret string is hashed to the 32-byte key).
 */
export function secretBoxFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<SecretBox> {
  cached ??= (async () => {
    const file = optional(env, ENV.subscriptionKeyFile);
    if (file) return secretBox(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'));
    const arn = optional(env, ENV.subscriptionKeySecretArn);
    if (!arn) {
      throw new ConfigError(
        'SUBSCRIPTION_KEY_FILE or SUBSCRIPTION_KEY_SECRET_ARN is required for webhook subscriptions',
      );
    }
    const res = await secretsManagerClient().send(new GetSecretValueCommand({ SecretId: arn }));
    if (!res.SecretString) throw new ConfigError(`secret ${arn} has no string value`);
    return secretBox(createHash('sha256').update(res.SecretString, 'utf8').digest());
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
