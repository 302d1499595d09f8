/**
 * Child process for bench/api.ts: autocannon (programmatic, so each request can name another sheet) with
 * `connections` in flight for `seconds`, every request a GET of a uniformly random one of `count` sheets
 * (`{base}/sheets/{prefix}{00000…}`). Args: base prefix count connections seconds [warmup-seconds] [runs].
 * The warm-up and the runs follow each other without a pause (a pause would let every response expire
 * and turn the next run's start into misses no steady load has). Prints autocannon's result as JSON: one,
 * or an array of `runs`.
 */
import { scaleSheetId } from './api-scale-seed';

interface RawRequest {
  method?: string;
  path?: string;
}
/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (request: RawRequest) => RawRequest }[];
}) => Promise<unknown>;
const autocannon = require('autocannon') as Autocannon;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [base = '', prefix = '', count = '0', connections = '10', seconds = '10', warmup = '0', runs = '1'] =
    args;
  const n = Number(count);
  const url = new URL(base);
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: Number(connections),
      duration,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: `${url.pathname.replace(/\/$/, '')}/sheets/${scaleSheetId(prefix, Math.floor(Math.random() * n))}`,
          }),
        },
      ],
    });
  if (Number(warmup) > 0) await run(Number(warmup));
  const results: unknown[] = [];
  for (let i = 0; i < Number(runs); i++) results.push(await run(Number(seconds)));
  console.log(JSON.stringify(results.length === 1 ? results[0] : results));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
