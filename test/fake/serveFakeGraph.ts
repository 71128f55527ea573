// Starts the fake Graph server as a process: `npx tsx test/fake/serveFakeGraph.ts [--port N] [--token T]... [--personal] [--ca-out FILE]`.
import { main } from './fakeGraph';

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
