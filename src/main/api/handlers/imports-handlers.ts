import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveCustomFields } from '../../leads/custom-field-defs';
import { undoImport } from '../../leads/undo';
import { whyNotCsv } from '../../imports/refuse-binary';
import { customTargetOf } from '../../../shared/import/import-targets';
import { SAMPLE_BYTES } from '../../imports/detect-format';
import type { ImportOptions } from '../../imports/import-options';
import { previewSample } from '../../imports/preview-sample';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const safeName = (name: string): string => name.replace(/[^\w.-]+/g, '_').slice(-80);

function refuseNonCsv(bytes: Uint8Array, path: 'sample' | 'content', encoding: ImportOptions['encoding']): void {
  const reason = whyNotCsv(bytes, encoding);
  if (reason) throw new ApiError('bad_request', `${path}: ${reason}`, [{ path, message: reason }]);
}

/** Preview, start, list, inspect and undo imports. */
export const importsHandlers = (s: Services): Pick<Handlers, 'imports.preview' | 'imports.create' | 'imports.list' | 'imports.rows' | 'imports.undo'> => {
  const found = (id: number) => {
    const summary = s.imports.get(id);
    if (!summary) throw new ApiError('not_found', `import ${id} does not exist`);
    return summary;
  };
  return {
    'imports.preview': async ({ sample, options }) => {
      const bytes = Buffer.from(sample, 'base64');
      refuseNonCsv(bytes, 'sample', options.encoding);
      return previewSample(bytes, options, liveCustomFields(s.store.sqlite));
    },
    'imports.create': async ({ fileName, content, options, mapping, tagName, origin }) => {
      const bytes = Buffer.from(content, 'base64');
      if (bytes.length === 0) throw new ApiError('bad_request', 'content: the file is empty', [{ path: 'content', message: 'the file is empty' }]);
      refuseNonCsv(bytes.subarray(0, SAMPLE_BYTES), 'content', options.encoding);
      const fields = new Map(liveCustomFields(s.store.sqlite).map((f) => [f.id, f.kind]));
      mapping.forEach((target, i) => {
        const custom = customTargetOf(target);
        if (custom && fields.get(custom.fieldId) !== custom.kind) {
          const message = `no ${custom.kind} custom field has id ${custom.fieldId}`;
          throw new ApiError('bad_request', `mapping.${i}: ${message}`, [{ path: `mapping.${i}`, message }]);
        }
      });
      // The file is kept in the data folder so an ingest interrupted by a crash can resume from it.
      const dir = join(s.info.dataDir, 'imports');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const filePath = join(dir, `${s.clock.now()}-${safeName(fileName)}`);
      writeFileSync(filePath, bytes, { mode: 0o600 });
      const summary = s.imports.create({ fileName, filePath, fileSize: bytes.length, options, mapping, tagName, origin });
      s.bus.emit('imports.progress', summary);
      return summary;
    },
    'imports.list': async () => ({ items: s.imports.list() }),
    'imports.rows': async ({ id, outcome, limit }) => {
      found(id);
      return { items: s.imports.rows(id, outcome, limit) };
    },
    'imports.undo': async ({ id }) => {
      const summary = found(id);
      if (summary.status !== 'done') throw new ApiError('conflict', `import ${id} is ${summary.status}; only a finished import can be undone`);
      undoImport(s.store.sqlite, id, () => s.clock.now());
      const after = found(id);
      s.bus.emit('imports.progress', after);
      s.bus.emit('leads.changed', { reason: 'import', total: await s.leads.count() });
      return after;
    },
  };
};
