/**
 * The single DynamoDB table, declared once: the local runtime and the tests create it from this object
 * (CreateTable input), and the CDK stack reads the same key and index names.
 *
 * Item layout (pk / sk):
 * - `SHEET#{id}` / `META`                      sheet META (latestRevision, latestAttempt, projectedRevision,
 *                                              title, counts, lastError…); absent until revision 1;
 *                                              gsi1 (`SHEETS` / `{id}`) lists sheets.
 * - `SHEET#{id}` / `REV#{rev:8}`               commit marker of a revision: header + the winning attempt id;
 *                                              gsi1 (`REVS#{id}` / `{rev:8}`) lists a sheet's revisions.
 * - `SHEET#{id}` / `REV#{rev:8}#{att}#H`       revision header as written by publish attempt `att` (8 hex).
 *   The attempt header names the revision's document in S3 (`parsed/{id}/{rev}.{att}.json.gz`, the whole
 *   ParsedSheet). Revisions written before documents existed keep one item per section
 *   (`…#S#{n:4}`), figure (`…#F#{n:5}`, spilling into `…#P#{p:3}` parts) and text chunk (`…#T#{n:3}`)
 *   under the attempt prefix; they are still read (legacy-revision-read.ts), never written.
 *   Attempt ids keep racing writers of the same revision number apart (no transactions in dynalite); the
 *   marker, or META.latestAttempt before the marker exists, says which attempt is the revision.
 * - `SHEET#{id}` / `ERR#{iso time}#{rand}`     an error record (rejected input).
 * - `SHEET#{id}` / `UPLOAD#{sha256}`           an upload and its outcome (dynamo-uploads.ts); gsi1
 *                                              (`UPLOADS#{id}` / `{uploadedAt}#{sha256}`) lists them, and
 *                                              while pending gsi2 (`UPLOADS-PENDING#{id}` / same) marks it.
 * - `SHEET#{id}` / `LATEST#…`                  projection of the latest revision's figures for cross-sheet
 *                                              queries without Scan (latest-figures.ts): `F#{n:5}` on gsi2
 *                                              `FK#{kind}`, `A#{n:5}` on `FA`, `Y#{year}#{n:5}` on
 *                                              `FY#{year}`, `K#{year}#{n:5}` on `FK#{kind}#{year}` (gsi2sk
 *                                              `{sheetId}#{n:5}`), and `C` on gsi1 `COUNTRY#{country}`.
 * - `SOURCE#{id}` / `SOURCE`                   source registry item; gsi1 (`SOURCES` / `{id}`) lists them.
 * - `TOKEN#{sha256}` / `TOKEN`                 a write token, stored hashed.
 */

export const KEY = { pk: 'pk', sk: 'sk' } as const;
export const GSI1 = { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' } as const;

export function tableDefinition(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: KEY.pk, AttributeType: 'S' as const },
      { AttributeName: KEY.sk, AttributeType: 'S' as const },
      { AttributeName: GSI1.pk, AttributeType: 'S' as const },
      { AttributeName: GSI1.sk, AttributeType: 'S' as const },
      { AttributeName: GSI2.pk, AttributeType: 'S' as const },
      { AttributeName: GSI2.sk, AttributeType: 'S' as const },
    ],
    KeySchema: [
      { AttributeName: KEY.pk, KeyType: 'HASH' as const },
      { AttributeName: KEY.sk, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [GSI1, GSI2].map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.pk, KeyType: 'HASH' as const },
        { AttributeName: index.sk, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
