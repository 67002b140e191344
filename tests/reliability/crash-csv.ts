import type { SeededRandom } from './seeded-random';

/** The column mapping of the generated files. */
export const CRASH_CSV_MAPPING = ['firstName', 'lastName', 'email', 'company.name'];

/** One generated import file and what importing it must give. */
export interface CrashCsv {
  readonly fileName: string;
  readonly text: string;
  /** Data rows (the header excluded). */
  readonly rows: number;
  /** Rows that must be rejected: no name or email, or a wrong number of cells. */
  readonly rejected: number;
}

/** The files of a run and the distinct leads they hold together. */
export interface CrashCsvSet {
  readonly files: readonly CrashCsv[];
  readonly distinctLeads: number;
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Frances', 'Dennis', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Allen', 'Ritchie', 'Perlman'];

/**
 * Generates `count` files of `rows` rows each: mostly new people, some already in an earlier file (merged), some
 * twice in the same file (duplicate), and some unusable rows (rejected).
 */
export function crashCsvFiles(random: SeededRandom, count: number, rows: number): CrashCsvSet {
  const people: string[] = [];
  const files: CrashCsv[] = [];
  for (let f = 0; f < count; f++) {
    const lines = ['First name,Last name,Email,Company'];
    const inThisFile: string[] = [];
    const earlier = people.length;
    let rejected = 0;
    for (let r = 0; r < rows; r++) {
      const roll = random.next();
      let email: string;
      if (roll < 0.02) {
        rejected++;
        lines.push(random.next() < 0.5 ? ',,,Nameless Ltd' : `Too,Many,cells-${f}-${r}@x.test,Acme,extra`);
        continue;
      } else if (roll < 0.07 && inThisFile.length > 0) {
        email = inThisFile[random.int(0, inThisFile.length - 1)] as string;
      } else if (roll < 0.17 && earlier > 0) {
        email = people[random.int(0, earlier - 1)] as string;
      } else {
        email = `p${people.length}.f${f}@d${people.length % 97}.crash.test`;
        people.push(email);
      }
      inThisFile.push(email);
      const n = Number(/^p(\d+)/.exec(email)?.[1]);
      lines.push(`${FIRST[n % FIRST.length]},${LAST[(n * 7) % LAST.length]},${email},Company ${n % 50}`);
    }
    files.push({ fileName: `crash-${f}.csv`, text: `${lines.join('\n')}\n`, rows, rejected });
  }
  return { files, distinctLeads: people.length };
}
