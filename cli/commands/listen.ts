/** `listen [--port N] [--secret whsec_…]`: a local receiver that verifies signatures and prints each event. */
import type { CommandContext } from '../context';
import { CliError } from '../io';
import { type ListenEvent, startListener } from './listen-server';

export const DEFAULT_LISTEN_PORT = 8787;

function line(event: ListenEvent, json: boolean): string {
  if (json) return `${JSON.stringify(event)}\n`;
  if (!event.verified) return `✗ ${event.webhookId || '(no webhook-id)'} signature refused: ${event.error}\n`;
  return `✓ ${event.event?.type} ${event.webhookId} ${JSON.stringify(event.event?.data)}\n`;
}

export async function listenCommand(ctx: CommandContext, until?: Promise<void>): Promise<number> {
  if (ctx.positionals.length > 0)
    throw new CliError('usage: factsheet listen [--port N] [--secret whsec_…]', 2);
  const secret = ctx.flags.secret ?? ctx.io.env.FACTSHEET_WEBHOOK_SECRET;
  if (!secret)
    throw new CliError('listen needs the subscription secret: --secret or FACTSHEET_WEBHOOK_SECRET', 2);
  const port = ctx.flags.port === undefined ? DEFAULT_LISTEN_PORT : Number(ctx.flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new CliError(`--port must be 0-65535, got "${ctx.flags.port}"`, 2);
  let listener: Awaited<ReturnType<typeof startListener>>;
  try {
    listener = await startListener({
      port,
      secret,
      onEvent: (event) => ctx.io.stdout.write(line(event, ctx.flags.json)),
    });
  } catch (err) {
    throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(err as Error).message}`);
  }
  ctx.io.stderr.write(
    `Listening on ${listener.url} (register it: factsheet subscriptions add ID ${listener.url}/) — Ctrl+C stops\n`,
  );
  await (until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  await listener.close();
  return 0;
}
