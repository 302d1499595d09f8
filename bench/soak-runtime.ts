/**
 * The runtime under test for `npm run bench -- soak`, in its own process (forked with --expose-gc): it
 * starts the local runtime on the DATA_DIR it is given and answers the bench over IPC — `idle`, `memory`
 * (RSS, heaps after full GCs), `reprocess` (force-reprocess these ids through the Lambda endpoint, as the
 * api does), `stop` (a clean stop).
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startRuntime } from '../infra/local/runtime';

type Request = { type: 'idle' | 'memory' | 'stop' } | { type: 'reprocess'; ids: string[] };

async function reprocess(ids: string[]): Promise<number> {
  const client = new LambdaClient({ endpoint: process.env.AWS_ENDPOINT_URL_LAMBDA });
  let next = 0;
  let failed = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const out = await client.send(
        new InvokeCommand({
          FunctionName: 'ingest',
          Payload: JSON.stringify({ type: 'reprocess', id: ids[i], force: true }),
        }),
      );
      if (out.FunctionError) failed++;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return failed;
}

async function main(): Promise<void> {
  const started = Date.now();
  const runtime = await startRuntime({
    port: 0,
    dataDir: process.env.DATA_DIR!,
    apiToken: process.env.API_TOKEN,
    refreshRateMs: null,
    // What the runtime would print (a dead-lettered ingest, the emulators dying) goes to the bench's stderr.
    log: (line) => console.error(`soak runtime: ${line}`),
    onFatal: (err) => {
      console.error(`soak runtime: fatal: ${err.message}`);
      process.exit(1);
    },
  });
  process.on('exit', (code) => console.error(`soak runtime: exit ${code}`));
  process.send?.({ type: 'ready', url: runtime.url, ms: Date.now() - started });
  process.on('message', async (request: Request) => {
    switch (request.type) {
      case 'idle':
        await runtime.idle();
        return process.send?.({ type: 'idle' });
      case 'memory': {
        const memory = await runtime.memory();
        // In RSS besides the live heap: the heap V8 keeps committed (it grows under load and shrinks when
        // idle) and Buffers and other native allocations this thread holds.
        const { external, heapTotal } = process.memoryUsage();
        return process.send?.({ type: 'memory', ...memory, external, heapTotal });
      }
      case 'reprocess':
        return process.send?.({ type: 'reprocessed', failed: await reprocess(request.ids) });
      case 'stop':
        await runtime.stop();
        process.send?.({ type: 'stopped' });
        return process.exit(0);
    }
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
