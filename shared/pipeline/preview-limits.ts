/**
 * Sizes a preview must respect: it travels to the ingest function and back in one synchronous Lambda
 * invocation, whose request and response payloads are each at most 6 MB (6,291,456 bytes).
 */

export const LAMBDA_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** Room for the invocation's other members (`type`, `id`, `contentType`) and the JSON around them. */
const ENVELOPE_BYTES = 1024;

/** The largest source a preview carries: the body travels base64, 4 bytes for every 3. */
export const MAX_PREVIEW_SOURCE_BYTES = Math.floor((LAMBDA_SYNC_PAYLOAD_BYTES - ENVELOPE_BYTES) / 4) * 3;

/** The largest result the ingest function returns (UTF-8 JSON), leaving Lambda room for its envelope. */
export const MAX_PREVIEW_RESULT_BYTES = LAMBDA_SYNC_PAYLOAD_BYTES - ENVELOPE_BYTES;
