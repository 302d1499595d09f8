/**
 * Child process for bench/api.ts: autocannon (programmatic, so each request can name another sheet) with
 * `connections` in flight for `seconds`, every request a GET of a uniformly random one of `count` sheets
 * (`{base}/sheets/{prefix}{00000…}`). Prints one JSON line in autocannon's result shape.
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
  const [base = '', prefix = '', count = '0', connections = '10', seconds = '10'] = process.argv.slice(2);
  const n = Number(count);
  const url = new URL(base);
  const result = await autocannon({
    url: base,
    connections: Number(connections),
    duration: Number(seconds),
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
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
