// npm start: the emulator with the demo data, until Ctrl-C. The full demo in code-server arrives
// with the tree (issue 3); until then this prints how to point VS Code at the emulator.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const emulator = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--seed', 'demo', '--retry-after', '2', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
createInterface({ input: emulator.stdout }).on('line', (line) => {
  let ready;
  try {
    ready = JSON.parse(line);
  } catch {
    console.log(line);
    return;
  }
  if (ready.event !== 'ready') return;
  console.log(`Azure Resource Manager emulator with demo data: ${ready.url}
CA certificate to trust: ${ready.caFile}

Try it:  curl --cacert ${ready.caFile} -H "Authorization: Bearer any" "${ready.url}/subscriptions?api-version=2022-12-01"
Point an Azure SDK client at it with endpoint ${ready.url}, tlsOptions { ca } from the file above
and any bearer token (see src/azure/armConnection.ts). Ctrl-C stops it.`);
});
const stop = () => emulator.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
emulator.on('exit', (code) => process.exit(code ?? 0));
