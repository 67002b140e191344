import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, loadWindowState, MIN_WINDOW, placeWindow, saveWindowState, type WindowState } from '../../../src/main/desktop/window-state';
import { tempDir } from '../../helpers/temp-dir';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('saves and loads a small JSON file, and shrugs off a missing or broken one', () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    const state: WindowState = { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    writeFileSync(file, '{"bounds": {"x": "left"}');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: 1e9, height: 10 }, maximized: false }));
    expect(loadWindowState(file)).toBeNull();
  });

  it('centres the first window on the primary display, shrunk to fit', () => {
    expect(placeWindow(null, [laptop, external])).toEqual({ bounds: { x: 0, y: 25, width: 1440, height: 875 }, maximized: false });
    const big = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(placeWindow(null, [big]).bounds).toEqual({ x: 240, y: 90, ...DEFAULT_WINDOW });
  });

  it('brings a remembered window back where it was when that screen still exists', () => {
    const onExternal: WindowState = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(placeWindow(onExternal, [laptop, external])).toEqual(onExternal);
  });

  it('moves a window whose screen was unplugged onto the primary display', () => {
    const onExternal: WindowState = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(onExternal, [laptop])).toEqual({ bounds: { x: 20, y: 25, width: 1400, height: 875 }, maximized: true });
  });

  it('pulls a window hanging off an edge fully onto its display and keeps the minimum size', () => {
    const hanging: WindowState = { bounds: { x: 1000, y: -200, width: 600, height: 400 }, maximized: false };
    const placed = placeWindow(hanging, [laptop]);
    expect(placed.bounds).toEqual({ x: laptop.width - MIN_WINDOW.width, y: 25, width: MIN_WINDOW.width, height: MIN_WINDOW.height });
  });
});
