import pino, { type Logger } from 'pino';

/** Field paths whose values are secrets: they are replaced before any log line is written. */
export const redactedPaths = [
  'key',
  'token',
  'password',
  'secret',
  'credentials',
  '*.key',
  '*.token',
  '*.password',
  '*.secret',
  '*.credentials',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

/** The structured JSON logger with secret redaction; `destination` defaults to stderr so stdout stays for the operator. */
export const createLogger = (options: { level?: string; destination?: pino.DestinationStream } = {}): Logger =>
  pino(
    { level: options.level ?? process.env.OUTPOST_LOG_LEVEL ?? 'info', redact: { paths: redactedPaths, censor: '[redacted]' }, base: { app: 'outpost' } },
    options.destination ?? pino.destination(2),
  );
