// `npm run soak`: the crash-consistency harness for longer. Kills from OUTPOST_SOAK_KILLS or the first argument
// (default 300), optionally bounded by OUTPOST_SOAK_MINUTES; OUTPOST_SOAK_SEED replays a run.
import { formatFigures, runCrashHarness } from '../tests/reliability/crash-harness';

const kills = Number(process.argv[2] ?? process.env.OUTPOST_SOAK_KILLS ?? 300);
const minutes = process.env.OUTPOST_SOAK_MINUTES === undefined ? undefined : Number(process.env.OUTPOST_SOAK_MINUTES);
const seed = Number(process.env.OUTPOST_SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(kills) || kills < 1) throw new Error(`kills: expected a whole number above 0, got ${process.argv[2] ?? process.env.OUTPOST_SOAK_KILLS}`);

async function main(): Promise<void> {
  const figures = await runCrashHarness({
    seed,
    kills,
    durationMs: minutes === undefined ? undefined : minutes * 60_000,
    // about one new file every ten lives keeps an import running through the whole soak
    importFiles: Math.max(2, Math.ceil(kills / 10)),
    rowsPerFile: 3_000,
    log: (line) => console.log(line),
  });
  for (const line of formatFigures(figures)) console.log(line);
  console.log(`replay with OUTPOST_SOAK_SEED=${seed}`);
  process.exit(figures.problems.length === 0 && figures.duplicates === 0 ? 0 : 1);
}

void main();
