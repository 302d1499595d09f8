/**
 * Cross-sheet figure queries over the `LATEST#…` projection (latest-figures.ts). Two plans, one order
 * (sheet id, then figure position; figure-index.ts):
 *
 * - kind and fiscal year only: one gsi2 partition holds exactly the matching figures, read from the cursor's
 *   position on (`gsi2sk > :after`) with `Limit` = what the page still needs;
 * - with `country` or `sheet`: the candidate sheets (the `COUNTRY#` gsi1 partition and/or the given ids,
 *   sorted), each read as one partition of the main table and filtered in memory.
 *
 * Both keep reading until the page is full, within a bound per request (MAX_INDEX_ROUNDS queries, or
 * MAX_SHEETS_PER_PAGE sheets); only items of a revision that stopped being latest are skipped, so a page
 * comes back short only at the end, or when that bound is reached amid a sheet's re-projection.
 */
import { checkLimit } from './cursor';
import type { DynamoTable, Item, QueryInput } from './dynamo-table';
import { endOfSheet, type FigureFilter, figureMatches, parsePosition } from './figure-index';
import { pad, sheetPk } from './keys';
import {
  ALL_PARTITION,
  BASE_PREFIX,
  countryGsiPk,
  currentFigures,
  currentItems,
  decodeFigure,
  kindPartition,
  kindYearPartition,
  yearPartition,
} from './latest-figures';
import type { FigureQuery, LatestFigure, Page } from './ports';
import { GSI1, GSI2 } from './table-definition';

export const MAX_INDEX_ROUNDS = 10;
export const MAX_SHEETS_PER_PAGE = 50;

function partitionOf({ kind, fiscalYear }: FigureFilter): string {
  if (kind !== undefined && fiscalYear !== undefined) return kindYearPartition(kind, fiscalYear);
  if (kind !== undefined) return kindPartition(kind);
  if (fiscalYear !== undefined) return yearPartition(fiscalYear);
  return ALL_PARTITION;
}

export async function queryLatestFigures(
  table: DynamoTable,
  query: FigureQuery,
): Promise<Page<LatestFigure>> {
  const limit = checkLimit(query.limit);
  const after = query.cursor === undefined ? undefined : parsePosition(query.cursor);
  if (query.sheets !== undefined || query.country !== undefined) {
    return bySheet(table, query, limit, after);
  }
  return byIndex(table, partitionOf(query), limit, query.cursor);
}

async function byIndex(
  table: DynamoTable,
  partition: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<LatestFigure>> {
  const items: LatestFigure[] = [];
  let after = cursor;
  let more = false;
  for (let round = 0; round < MAX_INDEX_ROUNDS && items.length < limit; round++) {
    const need = limit - items.length;
    // One item more than needed, read only to learn whether another page exists: a full last page then
    // carries no cursor, so no client is sent on to an empty page.
    const input: QueryInput = {
      IndexName: GSI2.name,
      KeyConditionExpression: after === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
      ExpressionAttributeNames: { '#pk': GSI2.pk, ...(after !== undefined && { '#sk': GSI2.sk }) },
      ExpressionAttributeValues: { ':pk': partition, ...(after !== undefined && { ':after': after }) },
      Limit: need + 1,
    };
    const page = await table.queryOnce(input);
    const taken = page.items.slice(0, need);
    const last = taken.at(-1)?.[GSI2.sk];
    if (typeof last === 'string') after = last;
    items.push(...(await currentFigures(table, taken)));
    more = page.items.length > need || page.lastKey !== undefined;
    if (!more) break;
  }
  return { items, ...(more && after !== undefined && { nextCursor: after }) };
}

/** Sheet ids of a country, in id order. */
async function sheetsOfCountry(table: DynamoTable, country: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.queryOnce({
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk },
      ExpressionAttributeValues: { ':pk': countryGsiPk(country) },
      ...(start && { ExclusiveStartKey: start }),
    });
    ids.push(...page.items.map((item) => item.sheetId as string));
    start = page.lastKey;
  } while (start);
  return ids;
}

async function candidateSheets(table: DynamoTable, query: FigureQuery): Promise<string[]> {
  const named = query.sheets === undefined ? undefined : [...new Set(query.sheets)].sort();
  if (query.country === undefined) return named ?? [];
  const ofCountry = await sheetsOfCountry(table, query.country);
  if (!named) return ofCountry.sort();
  const wanted = new Set(named);
  return ofCountry.filter((id) => wanted.has(id)).sort();
}

async function bySheet(
  table: DynamoTable,
  query: FigureQuery,
  limit: number,
  after: { sheetId: string; n: number } | undefined,
): Promise<Page<LatestFigure>> {
  const ids = (await candidateSheets(table, query)).filter((id) => !after || id >= after.sheetId);
  const items: LatestFigure[] = [];
  for (const [visited, id] of ids.entries()) {
    if (visited === MAX_SHEETS_PER_PAGE) return { items, nextCursor: endOfSheet(ids[visited - 1]!) };
    const from = after && id === after.sheetId ? after.n + 1 : 0;
    const stored: Item[] = await table.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': sheetPk(id),
        ':from': `${BASE_PREFIX}${pad(from, 5)}`,
        ':to': `${BASE_PREFIX}99999`,
      },
    });
    const current = await currentItems(table, stored);
    for (const [i, item] of current.entries()) {
      const figure = decodeFigure(item);
      if (!figureMatches(query, figure, figure.country)) continue;
      items.push(figure);
      if (items.length === limit) {
        // Whether more follows: known for the rest of this sheet; assumed when later sheets remain.
        const more =
          current.slice(i + 1).some((rest) => {
            const f = decodeFigure(rest);
            return figureMatches(query, f, f.country);
          }) || visited < ids.length - 1;
        return { items, ...(more && { nextCursor: item[GSI2.sk] as string }) };
      }
    }
  }
  return { items };
}
