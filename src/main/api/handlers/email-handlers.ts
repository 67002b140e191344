import type { emailMethods } from '../../../shared/contract/areas/email-methods';
import { runDoctor } from '../../deliverability/run-doctor';
import type { Services } from '../../services';
import type { Handlers } from '../handler-types';

/** Email deliverability checks. */
export const emailHandlers = (s: Pick<Services, 'dns' | 'clock'>): Pick<Handlers, keyof typeof emailMethods> => ({
  'email.doctor': ({ domain, dkimSelector }) => runDoctor(s.dns, domain, s.clock.now(), dkimSelector),
});
