/** Signing secrets at rest: sealed under a key outside the table, bound to their subscription. */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { ping } from '../../../shared/events/build';
import { newSigningSecret, secretBox } from '../../../shared/notify/secret-box';
import { signedHeaders } from '../../../shared/notify/send-webhook';

describe('secret box', () => {
  const box = secretBox(randomBytes(32));

  it('round-trips a secret, and the ciphertext does not contain it', () => {
    const secret = newSigningSecret();
    const sealed = box.seal(secret, 'sub-1');
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed, 'sub-1')).toBe(secret);
  });

  it('a ciphertext copied onto another subscription, or opened with another key, does not open', () => {
    const sealed = box.seal(newSigningSecret(), 'sub-1');
    expect(() => box.open(sealed, 'sub-2')).toThrow();
    expect(() => secretBox(randomBytes(32)).open(sealed, 'sub-1')).toThrow();
    expect(() => box.open('v9.x.y.z', 'sub-1')).toThrow(/unknown format/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => secretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('Standard Webhooks signature', () => {
  it('verifies with the standardwebhooks package; a changed body does not', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const event = ping('s', '2026-01-01T00:00:00.000Z');
    const body = JSON.stringify(event);
    const headers = signedHeaders(secret, event, body, new Date());
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(headers['webhook-id']).toBe(event.id);
    expect(new Webhook(secret).verify(body, headers)).toEqual(event);
    expect(() => new Webhook(secret).verify(body.replace('Test', 'Fake'), headers)).toThrow();
  });
});
