/** `factsheet subscriptions …` against a fake API, and the `listen` receiver against real signed requests. */
import { Webhook } from 'standardwebhooks';
import { type ListenEvent, startListener } from '../../../cli/commands/listen-server';
import type { CliIo } from '../../../cli/io';
import { runCli } from '../../../cli/run';
import { ping } from '../../../shared/events/build';
import { newSigningSecret } from '../../../shared/notify/secret-box';
import { signedHeaders } from '../../../shared/notify/send-webhook';

function harness(respond: (method: string, url: string) => { status: number; body?: unknown }) {
  const out: string[] = [];
  const calls: { method: string; url: string; body?: string; auth?: string }[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: () => undefined },
    env: { FACTSHEET_TOKEN: 't0ken' },
  };
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({
      method: init.method ?? 'GET',
      url: String(url),
      body: init.body as string | undefined,
      auth: headers.authorization,
    });
    const { status, body } = respond(init.method ?? 'GET', String(url));
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { out, calls, run: (argv: string[]) => runCli(argv, io, fetchImpl) };
}

describe('factsheet subscriptions', () => {
  it('add registers every event type by default, sends the token and prints the secret once', async () => {
    const h = harness(() => ({
      status: 201,
      body: {
        id: 'w',
        url: 'https://r.test/',
        events: ['sheet.revision.published'],
        enabled: true,
        secret: 'whsec_abc',
      },
    }));
    expect(await h.run(['subscriptions', 'add', 'w', 'https://r.test/', '--sheets', 'mali,ghana'])).toBe(0);
    expect(h.calls[0]).toMatchObject({
      method: 'PUT',
      url: 'http://127.0.0.1:3000/subscriptions/w',
      auth: 'Bearer t0ken',
    });
    expect(JSON.parse(h.calls[0]!.body!)).toEqual({
      url: 'https://r.test/',
      events: ['sheet.revision.published', 'sheet.upload.rejected', 'source.refresh.failed'],
      sheets: ['mali', 'ghana'],
    });
    expect(h.out.join('')).toContain('Signing secret (shown once): whsec_abc');
  });

  it('test, deliveries and remove call their routes; a missing ID is a usage error', async () => {
    const h = harness((method, url) =>
      url.endsWith('/deliveries?limit=50')
        ? {
            status: 200,
            body: {
              items: [
                {
                  eventId: 'evt_1',
                  eventType: 'ping',
                  at: 'now',
                  attempt: 1,
                  status: 500,
                  durationMs: 3,
                  outcome: 'retrying',
                  error: 'HTTP 500',
                },
              ],
            },
          }
        : method === 'DELETE'
          ? { status: 204 }
          : method === 'GET'
            ? {
                status: 200,
                body: {
                  id: 'w',
                  url: 'https://r.test/',
                  events: ['ping'],
                  enabled: false,
                  disabledReason: 'gone',
                },
              }
            : { status: 202, body: { eventId: 'evt_9' } },
    );
    expect(await h.run(['subscriptions', 'get', 'w'])).toBe(0);
    expect(await h.run(['subscriptions', 'test', 'w'])).toBe(0);
    expect(await h.run(['subscriptions', 'deliveries', 'w'])).toBe(0);
    expect(await h.run(['subscriptions', 'remove', 'w'])).toBe(0);
    expect(h.calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'GET /subscriptions/w',
      'POST /subscriptions/w/test',
      'GET /subscriptions/w/deliveries',
      'DELETE /subscriptions/w',
    ]);
    expect(h.out.join('')).toMatch(/Ping evt_9 queued for w[\s\S]*evt_1[\s\S]*retrying/);
    expect(await h.run(['subscriptions', 'remove'])).toBe(2);
  });
});

describe('factsheet listen receiver', () => {
  it('accepts a correctly signed delivery (204), refuses a forged one (401) and browsers (403)', async () => {
    const secret = newSigningSecret();
    const seen: ListenEvent[] = [];
    const listener = await startListener({ port: 0, secret, onEvent: (e) => seen.push(e) });
    try {
      const event = ping('w', new Date().toISOString());
      const body = JSON.stringify(event);
      const headers = signedHeaders(secret, event, body, new Date());
      expect((await fetch(listener.url, { method: 'POST', headers, body })).status).toBe(204);
      const forged = {
        ...headers,
        'webhook-signature': new Webhook(newSigningSecret()).sign(event.id, new Date(), body),
      };
      expect((await fetch(listener.url, { method: 'POST', headers: forged, body })).status).toBe(401);
      expect(
        (
          await fetch(listener.url, {
            method: 'POST',
            headers: { ...headers, origin: 'https://evil.test' },
            body,
          })
        ).status,
      ).toBe(403);
      expect(seen.map((e) => [e.verified, e.webhookId])).toEqual([
        [true, event.id],
        [false, event.id],
      ]);
      expect(seen[0]!.event).toEqual(event);
    } finally {
      await listener.close();
    }
  });
});
