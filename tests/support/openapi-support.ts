/**
 * Test helpers: validate the OpenAPI document with a real OpenAPI 3.1 validator, and response bodies
 * against the response schemas the document declares (ajv, JSON Schema 2020-12).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};

// The validator is an ES module, which jest's CommonJS runtime cannot load on Node 20: run it in node.
const VALIDATE_SCRIPT = `
import { Validator } from '@seriousme/openapi-schema-validator';
let input = '';
process.stdin.on('data', (d) => { input += d; }).on('end', async () => {
  const validator = new Validator();
  const result = await validator.validate(JSON.parse(input));
  process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors, version: validator.version }));
});`;

/** Validates with @seriousme/openapi-schema-validator; `version` is the OpenAPI version it detected. */
export function validateDocument(doc: unknown): { valid: boolean; errors?: unknown; version?: string } {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', VALIDATE_SCRIPT], {
    cwd: join(__dirname, '..', '..'),
    input: JSON.stringify(doc),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`validator failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { valid: boolean; errors?: unknown; version?: string };
}

/** Checks bodies against the document: `check(resource, method, status, contentType, body)`. */
export function responseChecker(doc: unknown) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, 'https://factsheets.invalid/openapi.json');
  const typed = doc as Doc;
  return (resource: string, method: string, status: number, contentType: string, body: unknown): string[] => {
    const response = typed.paths[resource]?.[method.toLowerCase()]?.responses[String(status)];
    if (!response) return [`${method} ${resource} does not document status ${status}`];
    const mediaType = contentType.split(';')[0]!.trim();
    const media = response.content?.[mediaType];
    if (!media) return [`${method} ${resource} ${status} does not document ${mediaType}`];
    const schema = media.schema as { $ref?: string };
    const validate = schema.$ref
      ? ajv.getSchema(`https://factsheets.invalid/openapi.json${schema.$ref}`)
      : ajv.compile(schema as object);
    if (!validate) return [`cannot resolve ${schema.$ref}`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
