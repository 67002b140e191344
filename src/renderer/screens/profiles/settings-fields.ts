/** How one setting is edited. */
export type SettingKind = 'text' | 'number' | 'boolean' | 'list' | 'security';

/** One editable leaf of a profile type's default settings, e.g. `smtp.host`. */
export interface SettingLeaf {
  readonly path: string;
  readonly kind: SettingKind;
  readonly label: string;
  readonly defaultValue: unknown;
}

/** A form's text (or checkbox) value per setting path. */
export type SettingsDraft = Readonly<Record<string, string | boolean>>;

type Json = Record<string, unknown>;

const labels: Readonly<Record<string, string>> = {
  'smtp.host': 'SMTP server (sending)',
  'smtp.port': 'SMTP port',
  'smtp.security': 'SMTP security',
  'imap.host': 'IMAP server (reading)',
  'imap.port': 'IMAP port',
  'imap.security': 'IMAP security',
  'folders.inbox': 'Inbox folder',
  'folders.spam': 'Spam folders (comma-separated)',
  'folders.sent': 'Sent folder',
  baseUrl: 'Address (URL)',
  publicUnsubscribeUrl: 'Public unsubscribe address (your tunnel or proxy to Outpost, ending in /u)',
  'smtpProbe.enabled': 'Ask the mail server (SMTP probe; outgoing port 25 is usually blocked on laptops and office networks)',
  'smtpProbe.port': 'SMTP probe port',
  'smtpProbe.heloName': 'SMTP probe HELO name',
  'smtpProbe.timeoutSeconds': 'SMTP probe timeout (seconds)',
};

// Informational defaults that are not the operator's to change here.
const hidden = new Set(['auth']);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const humanize = (path: string): string => {
  const words = path.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const kindOf = (key: string, value: unknown): SettingKind => {
  if (key === 'security') return 'security';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  return 'text';
};

/** Every editable leaf of a type's default settings, objects flattened into dotted paths. */
export function settingLeaves(defaults: Json, prefix = ''): SettingLeaf[] {
  return Object.entries(defaults).flatMap(([key, value]): SettingLeaf[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (hidden.has(path)) return [];
    if (isObject(value)) return settingLeaves(value, path);
    return [{ path, kind: kindOf(key, value), label: labels[path] ?? humanize(path), defaultValue: value }];
  });
}

/** The value at a dotted path. */
export const valueAt = (object: Json, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), object);

function withValue(object: Json, path: string, value: unknown): Json {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) {
    const { [head]: _dropped, ...others } = object;
    return value === undefined ? others : { ...others, [head]: value };
  }
  const child = withValue(isObject(object[head]) ? object[head] : {}, rest.join('.'), value);
  // An emptied branch goes too, so settings equal to the defaults leave nothing behind.
  return Object.keys(child).length > 0 ? { ...object, [head]: child } : withValue(object, head, undefined);
}

const toText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value));

/** The form's starting values: the profile's own settings over the defaults. */
export function draftOf(leaves: readonly SettingLeaf[], own: Json): SettingsDraft {
  return Object.fromEntries(
    leaves.map((leaf) => {
      const value = valueAt(own, leaf.path) ?? leaf.defaultValue;
      return [leaf.path, leaf.kind === 'boolean' ? value === true : toText(value)];
    }),
  );
}

function parse(leaf: SettingLeaf, raw: string | boolean): unknown {
  if (typeof raw === 'boolean') return raw;
  const text = raw.trim();
  if (leaf.kind === 'list') return text.split(',').map((s) => s.trim()).filter(Boolean);
  if (text === '') return null;
  // A number that does not parse goes as typed, so the core names the field and says what it expects.
  if (leaf.kind === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  return text;
}

/** The profile's own settings after the form: values equal to the default are dropped, others overlay what it had. */
export function ownSettings(leaves: readonly SettingLeaf[], draft: SettingsDraft, had: Json): Json {
  let own = had;
  for (const leaf of leaves) {
    const raw = draft[leaf.path];
    if (raw === undefined) continue;
    const value = parse(leaf, raw);
    own = withValue(own, leaf.path, JSON.stringify(value) === JSON.stringify(leaf.defaultValue ?? null) ? undefined : value);
  }
  return own;
}
