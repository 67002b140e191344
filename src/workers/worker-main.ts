// The profile worker process: forked by the supervisor (plain Node) or started as an Electron utility process.
import { channelRegistry } from './channels/registry';
import { parentTransport } from './transport';
import { runWorker } from './worker-runtime';

runWorker(parentTransport(), channelRegistry, (code) => process.exit(code));
