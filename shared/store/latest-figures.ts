/**
 * The `LATEST#F#n` projection: one item per figure of a sheet's latest revision, indexed by gsi2
 * (`FIG#{kind}` / `FY#{year|----}#{sheetId}#{n}`) for cross-sheet queries without Scan. Each item carries
 * its revision; readers keep only items whose revision is their sheet's `META.latestRevision`, so a
 * projection caught mid-refresh may omit a sheet's figures for a moment but never mixes two revisions.
 */
import type { Figure, FigureKind } from '../model';
import type { WriteRequest } from './batch-write';
import type { DynamoTable, Item, QueryInput } from './dynamo-table';
import {
  figureGsiPk,
  figureGsiSk,
  fiscalYearOf,
  fiscalYearPrefix,
  LATEST_FIGURE_PREFIX,
  latestFigureSk,
  META_SK,
  sheetPk,
} from './keys';
import type { LatestFigure } from './ports';
import { GSI2 } from './table-definition';

/** Sort key → revision of the projection items as they stand. */
export type ProjectionState = Map<string, unknown>;

/** Reads the projection's current state (keys and revisions only). */
export async function readProjection(table: DynamoTable, id: string): Promise<ProjectionState> {
  const items = await table.queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': sheetPk(id), ':prefix': LATEST_FIGURE_PREFIX },
    ProjectionExpression: 'sk, revision',
  });
  return new Map(items.map((item) => [item.sk, item.revision]));
}

/** The state of a complete projection of `count` figures at `revision`, known without reading it. */
export function completeProjection(count: number, revision: number): ProjectionState {
  return new Map(Array.from({ length: count }, (_, n) => [latestFigureSk(n), revision]));
}

/** Longest sentence kept in a projection item; the revision's own figure items keep it whole. */
export const MAX_PROJECTED_SENTENCE = 10_000;

/** The figure as projected: an outsized sentence is cut so the item stays under DynamoDB's 400 KB. */
function projectable(figure: Figure): Figure {
  if (figure.sentence.length <= MAX_PROJECTED_SENTENCE) return figure;
  return { ...figure, sentence: `${figure.sentence.slice(0, MAX_PROJECTED_SENTENCE)}…` };
}

/** The puts and deletes that turn `current` into the projection of `figures` at `revision`. */
export function projectionWrites(
  id: string,
  revision: number,
  country: string | null,
  figures: readonly Figure[],
  current: ProjectionState,
): WriteRequest[] {
  const pk = sheetPk(id);
  const requests: WriteRequest[] = [];
  figures.forEach((figure, n) => {
    const sk = latestFigureSk(n);
    if (current.get(sk) === revision) return;
    const item: Item = {
      pk,
      sk,
      sheetId: id,
      revision,
      country,
      data: JSON.stringify(projectable(figure)),
      [GSI2.pk]: figureGsiPk(figure.kind),
      [GSI2.sk]: figureGsiSk(fiscalYearOf(figure), id, n),
    };
    requests.push({ PutRequest: { Item: item } });
  });
  for (const sk of current.keys()) {
    if (Number(sk.slice(LATEST_FIGURE_PREFIX.length)) >= figures.length) {
      requests.push({ DeleteRequest: { Key: { pk, sk } } });
    }
  }
  return requests;
}

/** The gsi2 query for a kind, optionally one fiscal year and one country. */
export function latestFiguresQuery(kind: FigureKind, fiscalYear?: number, country?: string): QueryInput {
  return {
    IndexName: GSI2.name,
    KeyConditionExpression: fiscalYear === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :fy)',
    ExpressionAttributeNames: { '#pk': GSI2.pk, ...(fiscalYear !== undefined && { '#sk': GSI2.sk }) },
    ExpressionAttributeValues: {
      ':pk': figureGsiPk(kind),
      ...(fiscalYear !== undefined && { ':fy': fiscalYearPrefix(fiscalYear) }),
      ...(country !== undefined && { ':country': country }),
    },
    ...(country !== undefined && { FilterExpression: 'country = :country' }),
  };
}

/**
 * Drops items whose revision is not their sheet's latest, and every item of a sheet whose projection is
 * not complete (`projectedRevision` behind `latestRevision`: being refreshed, or its writer died), so a
 * sheet's figures are in cross-sheet results whole or not at all; decodes the rest.
 */
export async function currentFigures(table: DynamoTable, items: readonly Item[]): Promise<LatestFigure[]> {
  const ids = [...new Set(items.map((item) => item.sheetId as string))];
  const metas = await table.batchGet(
    ids.map((id) => ({ pk: sheetPk(id), sk: META_SK })),
    'id, latestRevision, projectedRevision',
  );
  const latest = new Map(
    metas
      .filter((meta) => meta.projectedRevision === meta.latestRevision)
      .map((meta) => [meta.id as string, meta.latestRevision as number]),
  );
  return items
    .filter((item) => latest.get(item.sheetId as string) === item.revision)
    .map((item) => ({
      ...(JSON.parse(item.data as string) as Figure),
      sheetId: item.sheetId as string,
      revision: item.revision as number,
      country: (item.country as string | null) ?? null,
    }));
}
