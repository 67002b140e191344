import { defineMethod } from '../define-method';
import { connectionTestInput, connectionTestReport } from '../schemas/connection-test';
import { emailDoctorInput, emailDoctorReport } from '../schemas/email-doctor';

/** Email deliverability and mailbox set-up: the doctor that checks a sending domain's DNS, and the mailbox connection test. */
export const emailMethods = {
  'email.doctor': defineMethod({
    http: 'GET',
    path: '/email/doctor',
    summary:
      "Checks a sending domain's MX, SPF (record, all qualifier, rough lookup count), DKIM (the given selector or common ones) and DMARC " +
      '(policy, rua), and lists the Gmail/Yahoo sender rules with what DNS shows met and what is missing',
    input: emailDoctorInput,
    output: emailDoctorReport,
  }),
  'email.testConnection': defineMethod({
    http: 'POST',
    path: '/email/test-connection',
    summary:
      "Tests a mailbox's SMTP and IMAP servers step by step (DNS, TCP, TLS or STARTTLS, login, and that the inbox, spam and sent folders exist), " +
      'each step ok, failed with the reason, or skipped, with its duration; for a saved profile (profileId) or the unsaved form (typeCode, settings, credentials)',
    input: connectionTestInput,
    output: connectionTestReport,
  }),
} as const;
