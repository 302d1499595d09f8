/**
 * A sheet's META item: how it is stored, what of it is public, and the one way it is updated (always
 * under a condition, since META is the pointer readers trust; docs/architecture.md, publish protocol).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import type { DynamoTable } from './dynamo-table';
import { META_SK, sheetPk } from './keys';
import { PROJECTION_VERSION } from './latest-figures';
import type { SheetMeta } from './ports';
import { GSI1 } from './table-definition';

/** META as stored: the public fields plus the attempt that won the latest revision. */
export type MetaItem = SheetMeta & { latestAttempt: string; projectionVersion?: number };

const INTERNAL_META = ['pk', 'sk', GSI1.pk, GSI1.sk, 'latestAttempt', 'projectionVersion'] as const;

/** META of a sheet that has at least one revision, else null (a sheet without revisions keeps none). */
export async function readMetaItem(table: DynamoTable, id: string): Promise<MetaItem | null> {
  const item = await table.getItem(sheetPk(id), META_SK);
  return item && typeof item.latestRevision === 'number' ? (item as unknown as MetaItem) : null;
}

/**
 * META's projectedRevision, counted only when the projection has the current item shapes: a sheet
 * projected by an older version reads as unprojected, so the next ingest, reprocess or reprocess-stale run
 * (every `npm start`) calls finalizeLatest and re-projects it.
 */
export function projectedRevisionOf(item: MetaItem): number | undefined {
  return item.projectionVersion === PROJECTION_VERSION ? item.projectedRevision : undefined;
}

export function publicMeta(item: MetaItem): SheetMeta {
  const meta: Record<string, unknown> = { ...item };
  for (const name of INTERNAL_META) delete meta[name];
  const projected = projectedRevisionOf(item);
  if (projected === undefined) delete meta.projectedRevision;
  else meta.projectedRevision = projected;
  return meta as unknown as SheetMeta;
}

/** One conditional UpdateItem of META (the expressions as DynamoDB takes them). */
export interface MetaUpdate {
  update: string;
  condition: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** Answer with META as it was before the update. */
  returnOld?: boolean;
}

/** Applied (with the old META when asked for), or refused by its condition (with the SDK's error). */
export type MetaUpdateOutcome =
  | { applied: true; old: Partial<MetaItem> | undefined }
  | { applied: false; refusal: unknown };

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/**
 * Updates META when its condition holds. A failed condition is an outcome, not an error: every caller
 * has its own meaning for it (a lost race, a sheet without revisions, a newer revision). Other SDK
 * failures are translated (`what` names the step in the message).
 */
export async function updateMetaIf(
  table: DynamoTable,
  id: string,
  { update, condition, names, values, returnOld }: MetaUpdate,
  what: string,
): Promise<MetaUpdateOutcome> {
  try {
    const res = await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: { pk: sheetPk(id), sk: META_SK },
        UpdateExpression: update,
        ConditionExpression: condition,
        ...(names && { ExpressionAttributeNames: names }),
        ...(values && { ExpressionAttributeValues: values }),
        ...(returnOld && { ReturnValues: 'ALL_OLD' as const }),
      }),
    );
    return { applied: true, old: res?.Attributes as Partial<MetaItem> | undefined };
  } catch (err) {
    if (isConditionFailure(err)) return { applied: false, refusal: err };
    return translateAwsError(err, what);
  }
}
