/** `subscriptions add ID URL [--events …] [--sheets …] | list | get ID | remove ID | test ID | deliveries ID`. */
import { EVENT_TYPES } from '../../shared/events/types';
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable } from '../format';
import { CliError } from '../io';

interface SubscriptionView {
  id: string;
  url: string;
  events: string[];
  sheets?: string[];
  enabled: boolean;
  disabledReason?: string;
  secret?: string;
}

interface AttemptView {
  eventId: string;
  eventType: string;
  at: string;
  attempt: number;
  status: number | null;
  durationMs: number;
  outcome: string;
  error?: string;
}

const USAGE =
  'factsheet subscriptions add ID URL [--events a,b] [--sheets x,y] | list | get ID | remove ID | test ID | deliveries ID';
const path = (id: string) => `/subscriptions/${encodeURIComponent(id)}`;
const csv = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function table(ctx: CommandContext, rows: SubscriptionView[]): void {
  ctx.io.stdout.write(
    formatTable(rows, [
      { header: 'ID', value: (s) => s.id },
      { header: 'ENABLED', value: (s) => (s.enabled ? 'yes' : `no (${s.disabledReason ?? 'off'})`) },
      { header: 'EVENTS', value: (s) => s.events.join(',') },
      { header: 'SHEETS', value: (s) => s.sheets?.join(',') ?? '*' },
      { header: 'URL', value: (s) => s.url },
    ]),
  );
}

export async function subscriptionsCommand(ctx: CommandContext): Promise<number> {
  const [action, ...rest] = ctx.positionals;
  const json = ctx.flags.json;
  switch (action) {
    case 'add': {
      const [id, url] = requirePositionals(rest, ['ID', 'URL'], 'factsheet subscriptions add ID URL');
      const events = csv(ctx.flags.events) ?? [...EVENT_TYPES];
      const sheets = csv(ctx.flags.sheets);
      const body = JSON.stringify({ url, events, ...(sheets && { sheets }) });
      const created = await ctx.api.put<SubscriptionView>(path(id!), body, 'application/json');
      if (json) ctx.io.stdout.write(formatJson(created));
      else {
        table(ctx, [created]);
        if (created.secret) {
          ctx.io.stdout.write(`Signing secret (shown once): ${created.secret}\n`);
          ctx.io.stdout.write(`  check deliveries: factsheet listen --secret ${created.secret}\n`);
        } else ctx.io.stdout.write('Updated; the signing secret is unchanged.\n');
      }
      return 0;
    }
    case 'list': {
      requirePositionals(rest, [], 'factsheet subscriptions list');
      const rows = await ctx.api.all<SubscriptionView>('/subscriptions');
      if (json) ctx.io.stdout.write(formatJson(rows));
      else table(ctx, rows);
      return 0;
    }
    case 'get': {
      const [id] = requirePositionals(rest, ['ID'], 'factsheet subscriptions get ID');
      const one = await ctx.api.get<SubscriptionView>(path(id!));
      if (json) ctx.io.stdout.write(formatJson(one));
      else table(ctx, [one]);
      return 0;
    }
    case 'remove': {
      const [id] = requirePositionals(rest, ['ID'], 'factsheet subscriptions remove ID');
      await ctx.api.delete(path(id!));
      ctx.io.stdout.write(json ? formatJson({ id, removed: true }) : `Removed ${id}\n`);
      return 0;
    }
    case 'test': {
      const [id] = requirePositionals(rest, ['ID'], 'factsheet subscriptions test ID');
      const queued = await ctx.api.post<{ eventId: string }>(`${path(id!)}/test`);
      ctx.io.stdout.write(json ? formatJson(queued) : `Ping ${queued.eventId} queued for ${id}\n`);
      return 0;
    }
    case 'deliveries': {
      const [id] = requirePositionals(rest, ['ID'], 'factsheet subscriptions deliveries ID');
      const { items } = await ctx.api.get<{ items: AttemptView[] }>(`${path(id!)}/deliveries`, { limit: 50 });
      ctx.io.stdout.write(
        json
          ? formatJson(items)
          : formatTable(items, [
              { header: 'AT', value: (a) => a.at },
              { header: 'EVENT', value: (a) => `${a.eventType} ${a.eventId}` },
              { header: 'TRY', value: (a) => String(a.attempt) },
              { header: 'STATUS', value: (a) => (a.status === null ? '-' : String(a.status)) },
              { header: 'MS', value: (a) => String(a.durationMs) },
              { header: 'OUTCOME', value: (a) => a.outcome },
              { header: 'ERROR', value: (a) => a.error },
            ]),
      );
      return 0;
    }
    default:
      throw new CliError(`usage: ${USAGE}`, 2);
  }
}
