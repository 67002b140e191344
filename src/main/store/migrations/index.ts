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
import { migration0012 } from './0012-work-engine';
import { migration0013 } from './0013-quota-domains';
import { migration0014 } from './0014-plan-indexes';
import { migration0015 } from './0015-timeline-rebuild';
import { migration0016 } from './0016-profile-credential-fields';
import { migration0017 } from './0017-email-sending';
import { migration0018 } from './0018-inbox-detail';
import { migration0019 } from './0019-email-settings';
import { migration0020 } from './0020-browser-channels';
import { migration0021 } from './0021-rule-engine';
import { migration0022 } from './0022-sequence-progress';

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
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
];
