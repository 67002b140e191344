import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** A rectangle in screen coordinates (a window's bounds or a display's work area). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the dashboard window was and whether it was maximized. */
export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** The window's smallest size; also used to refuse a remembered size the layout cannot fit in. */
export const MIN_WINDOW = { width: 1024, height: 640 } as const;

/** The first start's size, centred on the primary display. */
export const DEFAULT_WINDOW = { width: 1440, height: 900 } as const;

const int = z.number().int().min(-100_000).max(100_000);
const stored = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  maximized: z.boolean(),
});

/** The remembered state in a file, or null when it is missing, unreadable or not the expected shape. */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the state atomically (temp file then rename) so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const centred = (size: { width: number; height: number }, area: Rect): Rect => {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
};

/**
 * Where to open the window given the displays' work areas now (primary first). A remembered window comes back on the
 * display it overlaps most, shrunk to fit and moved fully onto it; one that no longer overlaps any display (a monitor
 * was unplugged) is centred on the primary display. Sizes never go below the minimum unless the display is smaller.
 */
export function placeWindow(state: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { bounds: { x: 0, y: 0, ...DEFAULT_WINDOW }, maximized: state?.maximized ?? false };
  if (!state) return { bounds: centred(DEFAULT_WINDOW, primary), maximized: false };
  const best = workAreas.reduce((a, b) => (overlap(state.bounds, b) > overlap(state.bounds, a) ? b : a));
  if (overlap(state.bounds, best) === 0) return { bounds: centred(state.bounds, primary), maximized: state.maximized };
  const width = Math.min(Math.max(state.bounds.width, MIN_WINDOW.width), best.width);
  const height = Math.min(Math.max(state.bounds.height, MIN_WINDOW.height), best.height);
  const x = Math.min(Math.max(state.bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(state.bounds.y, best.y), best.y + best.height - height);
  return { bounds: { x, y, width, height }, maximized: state.maximized };
}
