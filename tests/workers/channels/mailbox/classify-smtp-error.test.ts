import { describe, expect, it } from 'vitest';
import { PauseError } from '../../../../src/workers/channels/channel';
import { classifySmtpError, SmtpRefusal } from '../../../../src/workers/channels/mailbox/classify-smtp-error';

const refusal = (error: object): SmtpRefusal => {
  const classified = classifySmtpError(error);
  expect(classified).toBeInstanceOf(SmtpRefusal);
  return classified as SmtpRefusal;
};

describe('classifySmtpError', () => {
  it('treats only a 5xx at RCPT as a hard bounce; other 5xx are permanent, 4xx transient', () => {
    expect(refusal({ responseCode: 550, response: '550 no such user', command: 'RCPT TO' })).toMatchObject({ kind: 'permanent', hardBounce: true });
    expect(refusal({ responseCode: 554, response: '554 content rejected', command: 'DATA' })).toMatchObject({ kind: 'permanent', hardBounce: false });
    expect(refusal({ responseCode: 421, response: '421 too busy', command: 'CONN' })).toMatchObject({ kind: 'transient', hardBounce: false, network: false });
  });

  it('pauses the mailbox on a refused login instead of failing the message', () => {
    const paused = classifySmtpError({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials', command: 'AUTH PLAIN' });
    expect(paused).toBeInstanceOf(PauseError);
    expect(paused).toMatchObject({ reason: 'auth_failed', kind: 'transient', message: 'SMTP login refused: 535 bad credentials' });
  });

  it('flags no-network failures before the message, and leaves a connection lost mid-message unknown', () => {
    expect(refusal({ code: 'EDNS', originalCode: 'EAI_AGAIN', command: 'CONN', message: 'getaddrinfo EAI_AGAIN' })).toMatchObject({ kind: 'transient', network: true });
    expect(refusal({ code: 'ETIMEDOUT', command: 'CONN', message: 'Connection timeout' })).toMatchObject({ network: true });
    expect(refusal({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN', message: 'refused' })).toMatchObject({ network: false });
    const lost = Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'DATA' });
    expect(classifySmtpError(lost)).toBe(lost);
  });
});
