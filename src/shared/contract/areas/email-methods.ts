import { defineMethod } from '../define-method';
import { emailDoctorInput, emailDoctorReport } from '../schemas/email-doctor';

/** Email deliverability: the doctor that checks a sending domain's DNS against what mailbox providers require. */
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
} as const;
