import type { emailMethods } from '../../../shared/contract/areas/email-methods';
import { runDoctor } from '../../deliverability/run-doctor';
import { connectionSubject, SubjectRefusal } from '../../email/connection-test-subject';
import type { HostLookup } from '../../email/reach-host';
import { testMailboxConnection, UnusableSettings } from '../../email/test-connection';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** Email deliverability checks and the mailbox connection test (`lookup` resolves host names; tests pass their own). */
export const emailHandlers = (s: Pick<Services, 'dns' | 'clock' | 'profiles' | 'secrets'>, lookup?: HostLookup): Pick<Handlers, keyof typeof emailMethods> => ({
  'email.doctor': ({ domain, dkimSelector }) => runDoctor(s.dns, domain, s.clock.now(), dkimSelector),
  'email.testConnection': async (input) => {
    try {
      const subject = connectionSubject(s, input);
      return await testMailboxConnection(subject.settings, subject.credentials, lookup);
    } catch (error) {
      if (error instanceof SubjectRefusal) throw new ApiError(error.code, error.message, [{ path: error.path, message: error.message }]);
      if (error instanceof UnusableSettings) throw new ApiError('bad_request', error.message, error.issues);
      throw error;
    }
  },
});
