/**
 * The `LATEST#…` projection of each sheet's latest revision, which serves cross-sheet figure queries
 * without Scan. Per figure `n` (all items carry the figure, its revision and the sheet's country):
 *
 * - `LATEST#F#{n:5}`            gsi2 `FK#{kind}`        / `{sheetId}#{n:5}`: by kind; also read per sheet
 * - `LATEST#A#{n:5}`            gsi2 `FA`               / `{sheetId}#{n:5}`: every figure
 * - `LATEST#Y#{year}#{n:5}`     gsi2 `FY#{year}`        / `{sheetId}#{n:5}`: each fiscal year it covers
 * - `LATEST#K#{year}#{n:5}`     gsi2 `FK#{kind}#{year}` / `{sheetId}#{n:5}`: kind and fiscal year
 *
 * and per sheet `LATEST#C`, gsi1 `COUNTRY#{countryKey}` / `{sheetId}`: the sheet's country, compared
 * without case or a leading "the". Every filter but country and sheet is therefore a key condition, and
 * the country and sheet filters name a handful of sheets read one partition each: pages fill up instead
 * of coming back empty with a cursor.
 *
 * Readers keep only items whose revision is their sheet's `META.latestRevision`, so a projection caught
 * mid-refresh may omit a sheet's figures for a moment but never mixes two revisions.
 *
 * Earlier versions projected `LATEST#F#n` under gsi2 `FIG#{kind}`; those partitions are no longer read.
 * META records the PROJECTION_VERSION it was projected with; a sheet with another reads as unprojected, so
 * the next ingest, reprocess or reprocess-stale run (every `npm start`) re-projects it, overwriting or
 * deleting its old items. No new GSI is needed, so existing local DATA_DIRs keep their table.
 */
import type { Figure, Section } from '../model';
import { newFigureKey, withFigureKeys } from '../pipeline/figure-keys';
import type { WriteRequest } from './batch-write';
import type { DynamoTable, Item } from './dynamo-table';
import { countryKey, fiscalYearsOf } from './figure-index';
import { META_SK, pad, sheetPk } from './keys';
import type { LatestFigure } from './ports';
import { GSI1, GSI2 } from './table-definition';

/** Bumped when the projection's item shapes change: a META with another version is re-projected. */
export const PROJECTION_VERSION = 2;

export const PROJECTION_PREFIX = 'LATEST#';
export const BASE_PREFIX = 'LATEST#F#';
export const COUNTRY_SK = 'LATEST#C';
export const countryGsiPk = (country: string): string => `COUNTRY#${countryKey(country)}`;

export const kindPartition = (kind: string): string => `FK#${kind}`;
export const ALL_PARTITION = 'FA';
export const yearPartition = (year: number): string => `FY#${pad(year, 4)}`;
export const kindYearPartition = (kind: string, year: number): string => `FK#${kind}#${pad(year, 4)}`;

/** Sort key → revision of the projection items as they stand. */
export type ProjectionState = Map<string, unknown>;

/** Reads the projection's current state (keys and revisions only). */
export async function readProjection(table: DynamoTable, id: string): Promise<ProjectionState> {
  const items = await table.queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': sheetPk(id), ':prefix': PROJECTION_PREFIX },
    ProjectionExpression: 'sk, revision',
  });
  return new Map(items.map((item) => [item.sk, item.revision]));
}

/** Longest sentence kept in a projection item; the revision's own figure items keep it whole. */
export const MAX_PROJECTED_SENTENCE = 10_000;

/** The figure as projected: an outsized sentence is cut so the item stays under DynamoDB's 400 KB. */
function projectable(figure: Figure): Figure {
  if (figure.sentence.length <= MAX_PROJECTED_SENTENCE) return figure;
  return { ...figure, sentence: `${figure.sentence.slice(0, MAX_PROJECTED_SENTENCE)}…` };
}

/** Sort key and gsi2 partition of every projection item of figure `n`. */
function figureItemKeys(figure: Figure, n: number): [sk: string, partition: string][] {
  const num = pad(n, 5);
  const keys: [string, string][] = [
    [`${BASE_PREFIX}${num}`, kindPartition(figure.kind)],
    [`LATEST#A#${num}`, ALL_PARTITION],
  ];
  for (const year of fiscalYearsOf(figure)) {
    keys.push([`LATEST#Y#${pad(year, 4)}#${num}`, yearPartition(year)]);
    keys.push([`LATEST#K#${pad(year, 4)}#${num}`, kindYearPartition(figure.kind, year)]);
  }
  return keys;
}

/** Section id → heading of one revision. */
export type SectionHeadings = ReadonlyMap<string, string | null>;

export function sectionHeadings(sections: readonly Section[]): SectionHeadings {
  return new Map(sections.map((s) => [s.id, s.heading]));
}

/** What the projection keeps of the sheet besides its figures. */
export interface ProjectedSheet {
  country: string | null;
  publishedOn: string | null;
}

/**
 * The puts and deletes that turn `current` into the projection of `figures` at `revision`. Items carry
 * the sheet's country and publishedOn and the figure's section heading, so exports need no revision read.
 */
export function projectionWrites(
  id: string,
  revision: number,
  sheet: ProjectedSheet,
  figures: readonly Figure[],
  current: ProjectionState,
  headings: SectionHeadings = new Map(),
): WriteRequest[] {
  const { country, publishedOn } = sheet;
  const pk = sheetPk(id);
  const requests: WriteRequest[] = [];
  const wanted = new Set<string>();
  const put = (item: Item) => {
    wanted.add(item.sk);
    if (current.get(item.sk) !== revision) requests.push({ PutRequest: { Item: item } });
  };
  withFigureKeys(figures, revision).forEach((figure, n) => {
    const data = JSON.stringify(projectable(figure));
    for (const [sk, partition] of figureItemKeys(figure, n)) {
      put({
        pk,
        sk,
        sheetId: id,
        revision,
        country,
        publishedOn,
        heading: headings.get(figure.sectionId) ?? null,
        data,
        [GSI2.pk]: partition,
        [GSI2.sk]: `${id}#${pad(n, 5)}`,
      });
    }
  });
  if (country !== null) {
    put({ pk, sk: COUNTRY_SK, sheetId: id, revision, [GSI1.pk]: countryGsiPk(country), [GSI1.sk]: id });
  }
  for (const sk of current.keys()) {
    if (!wanted.has(sk)) requests.push({ DeleteRequest: { Key: { pk, sk } } });
  }
  return requests;
}

/**
 * The items whose revision is their sheet's latest (one BatchGet of the sheets' META). A sheet whose
 * projection is not complete (`projectedRevision` behind `latestRevision`: being refreshed, or its writer
 * died) is left out whole, so its figures are in cross-sheet results whole or not at all.
 */
export async function currentItems(table: DynamoTable, items: readonly Item[]): Promise<Item[]> {
  if (items.length === 0) return [];
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
  return items.filter((item) => latest.get(item.sheetId as string) === item.revision);
}

/** Drops items whose revision is not their sheet's latest, and decodes the rest. */
export async function currentFigures(table: DynamoTable, items: readonly Item[]): Promise<LatestFigure[]> {
  return (await currentItems(table, items)).map(decodeFigure);
}

/** A projection item as the figure it carries. */
export function decodeFigure(item: Item): LatestFigure {
  const figure = JSON.parse(item.data as string) as Figure;
  const revision = item.revision as number;
  // Every projection item's sort key ends in the figure's number.
  const n = Number(item.sk.slice(item.sk.lastIndexOf('#') + 1));
  return {
    ...figure,
    // Projected before figures had keys: the provisional key of its revision (figure-keys.ts).
    key: figure.key ?? newFigureKey(revision, n),
    sheetId: item.sheetId as string,
    revision,
    country: (item.country as string | null) ?? null,
    // Absent from items projected before they were kept.
    ...(item.heading !== undefined && { sectionHeading: item.heading as string | null }),
    ...(item.publishedOn !== undefined && { publishedOn: item.publishedOn as string | null }),
  };
}
