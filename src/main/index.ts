// Electron entry: everything Electron-specific lives in ./desktop; the core it starts is the same one local.ts runs under plain Node.
import { runDesktop } from './desktop/run-desktop';

runDesktop();
