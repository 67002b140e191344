import type { sequenceMethods } from '../../../shared/contract/areas/sequence-methods';
import { enrollmentList } from '../../sequences/enrollment-list';
import { enrollMatching } from '../../sequences/enroll-matching';
import { previewStep } from '../../sequences/preview-step';
import { SequenceProblem, SequenceStore } from '../../sequences/sequence-store';
import { stopEnrollment } from '../../sequences/stop-enrollments';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import { fieldProblem } from './field-problem';

/** Runs a store change, turning a definition problem into a bad request naming the field. */
function checked<T>(change: () => T): T {
  try {
    return change();
  } catch (err) {
    if (err instanceof SequenceProblem) throw fieldProblem(err.message);
    throw err;
  }
}

/** Sequences, enrollments and previews; every change emits `sequences.changed`. */
export const sequenceHandlers = (s: Services): Pick<Handlers, keyof typeof sequenceMethods> => {
  const store = new SequenceStore(s.store.sqlite, () => s.clock.now());
  const found = <T>(id: number, value: T | undefined): T => {
    if (value === undefined) throw new ApiError('not_found', `id: sequence ${id} does not exist`);
    return value;
  };
  const changed = (reason: 'created' | 'updated' | 'deleted' | 'enrolled' | 'stopped', sequenceId: number | null): void =>
    s.bus.emit('sequences.changed', { reason, sequenceId });
  return {
    'sequences.list': async () => ({ items: store.list() }),
    'sequences.get': async ({ id }) => found(id, store.get(id)),
    'sequences.create': async (input) => {
      const detail = checked(() => store.create(input));
      changed('created', detail.id);
      return detail;
    },
    'sequences.update': async ({ id, ...input }) => {
      const detail = found(id, checked(() => store.update(id, input)));
      changed('updated', id);
      return detail;
    },
    'sequences.delete': async ({ id }) => {
      if (!store.delete(id)) throw new ApiError('not_found', `id: sequence ${id} does not exist`);
      changed('deleted', id);
      return { id };
    },
    'sequences.enroll': async ({ id, leadIds, filter }) => {
      found(id, store.get(id));
      const summary = await enrollMatching(s.store.sqlite, { sequenceId: id, leadIds, filter, now: () => s.clock.now() });
      if (summary.enrolled > 0) changed('enrolled', id);
      return summary;
    },
    'sequences.enrollments': async (input) => ({ items: enrollmentList(s.store.sqlite, input) }),
    'sequences.stopEnrollment': async ({ id }) => {
      const exists = s.store.sqlite.prepare('SELECT sequence_id FROM enrollments WHERE id = ?').get(id) as { sequence_id: number } | undefined;
      if (!exists) throw new ApiError('not_found', `id: enrollment ${id} does not exist`);
      const stopped = stopEnrollment(s.store.sqlite, { enrollmentId: id, reason: 'operator', now: s.clock.now() });
      if (stopped) changed('stopped', exists.sequence_id);
      return { id, stopped };
    },
    'sequences.preview': async (input) => {
      const preview = previewStep(s.store.sqlite, input);
      if ('error' in preview) throw new ApiError('not_found', preview.error);
      return preview;
    },
  };
};
