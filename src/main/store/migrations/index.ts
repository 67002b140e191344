import type { Migration } from '../migration';
import { migration0001 } from './0001-leads-and-companies';
import { migration0002 } from './0002-imports';
import { migration0003 } from './0003-channels-and-profiles';
import { migration0004 } from './0004-sources-jobs-events';
import { migration0005 } from './0005-automation';
import { migration0006 } from './0006-enrichment-and-outreach';
import { migration0007 } from './0007-tracking-and-timeline';
import { migration0008 } from './0008-system';
import { migration0009 } from './0009-catalogue';
import { migration0010 } from './0010-search';
import { migration0011 } from './0011-bulk-operations';

/** Every schema migration in order; static because a bundled app cannot list a folder. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];
