import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge-policy';

// The page sees only window.outpost.invoke/on for contract names; ipcRenderer itself never crosses the context bridge.
contextBridge.exposeInMainWorld('outpost', createBridge(ipcRenderer));
