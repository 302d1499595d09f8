/** Helpers for webhook tests against the local runtime: authenticated API calls, uploads, event schemas. */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { RuntimeHandle } from '../../infra/local/runtime';

export const TEST_TOKEN = 'webhook-test-token-0123456789';

export async function api(runtime: RuntimeHandle, method: string, path: string, body?: unknown) {
  const res = await fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TEST_TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown> & { items?: unknown[] }) : {},
  };
}

/** Uploads through the API and waits until `revision` is the sheet's latest (or, with null, until ingest is idle). */
export async function upload(
  runtime: RuntimeHandle,
  id: string,
  text: string | Uint8Array,
  revision: number | null,
) {
  const res = await fetch(`${runtime.url}/sheets/${id}/source`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  for (let i = 0; i < 200; i++) {
    await runtime.idle();
    if (revision !== null) {
      const sheet = await fetch(`${runtime.url}/sheets/${id}`, { headers: { 'cache-control': 'no-cache' } });
      if (
        sheet.status === 200 &&
        ((await sheet.json()) as { latestRevision: number }).latestRevision >= revision
      )
        return;
    } else if (i >= 6) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`revision ${revision} of ${id} never appeared`);
}

/** Validates events against the versioned component schemas of the runtime's own OpenAPI document. */
export async function eventValidator(runtime: RuntimeHandle) {
  const doc = (await (await fetch(`${runtime.url}/openapi.json`)).json()) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'https://factsheets.invalid/openapi.json');
  const names: Record<string, string> = {
    'sheet.revision.published': 'SheetRevisionPublishedEventV1',
    'sheet.upload.rejected': 'SheetUploadRejectedEventV1',
    'source.refresh.failed': 'SourceRefreshFailedEventV1',
    ping: 'PingEventV1',
  };
  return (event: { type: string }): string[] => {
    const name = names[event.type];
    if (!name) return [`no schema for ${event.type}`];
    const validate = ajv.compile({
      $ref: `https://factsheets.invalid/openapi.json#/components/schemas/${name}`,
    });
    return validate(event) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
