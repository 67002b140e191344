import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

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

/** Name of the current log file inside `<data>/logs/`; rotated ones are `outpost.log.1` (newest) to `.5`. */
export const LOG_FILE_NAME = 'outpost.log';

/** Where and how the log file rotates. */
export interface LogFileOptions {
  readonly logDir: string;
  /** Size at which the file rotates, in rotating-file-stream's notation (default 10M). */
  readonly size?: string;
  /** Rotated files kept (default 5), so the folder never holds more than `size * (files + 1)`. */
  readonly files?: number;
}

/** Options of `createLogger`: a destination (default stderr), or a rotating file that also copies warnings to stderr. */
export interface LoggerOptions {
  readonly level?: string;
  readonly destination?: pino.DestinationStream;
  readonly file?: LogFileOptions;
}

const rotatingDestination = (file: LogFileOptions): pino.DestinationStream => {
  mkdirSync(file.logDir, { recursive: true });
  const stream = createStream(LOG_FILE_NAME, { path: file.logDir, size: file.size ?? '10M', rotate: file.files ?? 5 });
  // The terminal is for the operator: the whole structured log goes to the file, problems are shown there too.
  return pino.multistream([
    { level: 'trace', stream },
    { level: 'warn', stream: pino.destination(2) },
  ]);
};

/** The structured JSON logger with secret redaction; `destination` defaults to stderr so stdout stays for the operator. */
export const createLogger = (options: LoggerOptions = {}): Logger =>
  pino(
    { level: options.level ?? process.env.OUTPOST_LOG_LEVEL ?? 'info', redact: { paths: redactedPaths, censor: '[redacted]' }, base: { app: 'outpost' } },
    options.destination ?? (options.file ? rotatingDestination(options.file) : pino.destination(2)),
  );

/** The log folder of a data folder. */
export const logDirOf = (dataDir: string): string => join(dataDir, 'logs');
