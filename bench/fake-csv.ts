import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The 20 columns of a generated export, with the import target each maps to. */
export const FAKE_COLUMNS: readonly { readonly name: string; readonly target: string }[] = [
  { name: 'First Name', target: 'firstName' },
  { name: 'Last Name', target: 'lastName' },
  { name: 'Title', target: 'jobTitle' },
  { name: 'Email', target: 'email' },
  { name: 'Phone', target: 'phone' },
  { name: 'Person Linkedin Url', target: 'linkedinUrl' },
  { name: 'Country', target: 'country' },
  { name: 'City', target: 'location' },
  { name: 'Time Zone', target: 'timezone' },
  { name: 'Photo Url', target: 'pictureUrl' },
  { name: 'Company', target: 'company.name' },
  { name: 'Website', target: 'company.domain' },
  { name: 'Company Linkedin Url', target: 'company.linkedinUrl' },
  { name: 'Company Phone', target: 'company.phone' },
  { name: 'Industry', target: 'company.industry' },
  { name: '# Employees', target: 'company.headcount' },
  { name: 'Annual Revenue', target: 'company.revenue' },
  { name: 'Company Country', target: 'company.country' },
  { name: 'Company City', target: 'company.location' },
  { name: 'Notes', target: 'ignore' },
];

const FIRSTS = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Dennis', 'Radia', 'Linus', 'Hedy', 'Tim', 'Anita', 'John', 'Sophie', 'Lukas', 'Chloé', 'Mateo', 'Aiko', 'Omar', 'Priya', 'Wei'];
const LASTS = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Hamilton', 'Ritchie', 'Perlman', 'Torvalds', 'Lamarr', 'Berners-Lee', 'Borg', "O'Neil", 'Müller', 'García', 'Tanaka', 'Haddad', 'Sharma', 'Zhang', 'van der Berg', 'Dubois'];
const TITLES = ['Head of Sales', 'VP Marketing', 'Chief Executive Officer', 'Sales Manager', 'Growth Lead', 'CTO', 'Account Executive', 'Founder & CEO', 'Director, Business Development', 'Procurement Officer'];
const PLACES = [
  ['France', 'Paris', 'Europe/Paris', '+33 1'],
  ['Germany', 'Berlin', 'Europe/Berlin', '+49 30'],
  ['United States', 'New York, NY', 'America/New_York', '+1 212'],
  ['United Kingdom', 'London', 'Europe/London', '+44 20'],
  ['Spain', 'Madrid', 'Europe/Madrid', '+34 91'],
  ['Japan', 'Tokyo', 'Asia/Tokyo', '+81 3'],
  ['India', 'Bengaluru', 'Asia/Kolkata', '+91 80'],
  ['Brazil', 'São Paulo', 'America/Sao_Paulo', '+55 11'],
] as const;
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Vandelay'];
const SUFFIX = ['Labs', 'Systems', 'Group', 'Analytics', 'Logistics', 'Health', 'Partners', 'Software'];
const INDUSTRIES = ['Software', 'Logistics', 'Retail', 'Banking', 'Healthcare', 'Manufacturing', 'Education', 'Media'];
const COMPANIES = 50_000;

/** Mulberry32: a tiny seeded generator, so row `i` is the same in every run and can be rebuilt without keeping it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const slug = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');

/** The cells of person `n` as first exported (a pure function of `n`). */
function person(n: number): string[] {
  const r = random(n * 2654435761);
  const first = pick(r, FIRSTS);
  const last = pick(r, LASTS);
  const [country, city, timezone, dial] = pick(r, PLACES);
  const c = Math.floor(r() * COMPANIES);
  const cr = random(c * 40503 + 7);
  const company = `${pick(cr, WORDS)} ${pick(cr, SUFFIX)} ${c}`;
  const domain = `${slug(company)}.com`;
  const [cCountry, cCity, , cDial] = pick(cr, PLACES);
  const headcount = [`${Math.floor(cr() * 5000) + 1}`, '51-200', '1,200', '10k'][c % 4] as string;
  const revenue = [`$${Math.floor(cr() * 90) + 1}M`, `${Math.floor(cr() * 900_000) + 1000}`, ''][c % 3] as string;
  const handle = `${slug(first)}-${slug(last)}-${n.toString(36)}`;
  const email = r() < 0.05 ? '' : `${slug(first)}.${slug(last)}.${n}@${domain}`;
  const linkedin = r() < 0.2 ? '' : `https://www.linkedin.com/in/${handle}`;
  const phone = r() < 0.4 ? '' : `${dial} ${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
  const notes = r() < 0.1 ? `Met at "SaaStr", follow up\nin Q${1 + (n % 4)}` : r() < 0.5 ? '' : `Lead ${n}, score ${Math.floor(r() * 100)}`;
  return [
    first, last, pick(r, TITLES), email, phone, linkedin, country, city, timezone,
    r() < 0.3 ? '' : `https://media.example-cdn.com/p/${handle}.jpg`,
    company, r() < 0.5 ? domain : `https://www.${domain}/`, `https://www.linkedin.com/company/${slug(company)}`,
    `${cDial} ${String(c).padStart(8, '0')}`, pick(cr, INDUSTRIES), headcount, revenue, cCountry, cCity, notes,
  ];
}

/** Person `n` seen again in another form: upper-case e-mail, a tracking variant of the LinkedIn URL, sometimes a new title. */
function variant(n: number, r: () => number): string[] {
  const cells = person(n);
  const form = r();
  if (form < 0.4 || cells[5] === '') cells[3] = (cells[3] as string).toUpperCase();
  else {
    cells[5] = `http://www.linkedin.com/in/${(cells[5] as string).split('/in/')[1]}/?trk=people-search-${Math.floor(r() * 1e6)}`;
    if (form < 0.7) cells[3] = '';
  }
  if (r() < 0.5) cells[2] = pick(r, TITLES);
  return cells;
}

/** Row `i` of a generated file of people numbered from `offset`: about `duplicateShare` of rows repeat an earlier person in another form. */
export function fakeCsvRow(i: number, offset = 0, duplicateShare = 0.1, earlier = i + offset): string[] {
  const r = random(i * 97 + offset * 31 + 1);
  if (earlier > 0 && r() < duplicateShare) return variant(Math.floor(r() * earlier), r);
  return person(offset + i);
}

const quoted = (cell: string): string => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** Streams `count` rows (and a header) to `path`, with columns in `order` (indexes into FAKE_COLUMNS); returns the bytes written. */
export async function writeFakeCsv(path: string, count: number, row: (i: number) => string[], order: readonly number[] = FAKE_COLUMNS.map((_, i) => i)): Promise<number> {
  const out = createWriteStream(path);
  const line = (cells: readonly string[]) => order.map((k) => quoted(cells[k] as string)).join(',');
  let chunk = `${line(FAKE_COLUMNS.map((c) => c.name))}\r\n`;
  for (let i = 0; i < count; i++) {
    chunk += `${line(row(i))}\r\n`;
    if (chunk.length > 256 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return out.bytesWritten;
}
