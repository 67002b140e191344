import { z } from 'zod';
import { sequenceSchedule as scheduleSchema, sequenceStopConditions, stepConditions } from '../../shared/contract/schemas/sequences';

type Schedule = z.infer<typeof scheduleSchema>;
type StopConditions = z.infer<typeof sequenceStopConditions>;
type StepConditions = z.infer<typeof stepConditions>;

// Stored JSON is written by this module's callers only; a value that no longer parses means "defaults", not a crash.
const read = <T>(schema: z.ZodType<T>, text: string | null): T => {
  const parsed = schema.safeParse(text === null ? {} : JSON.parse(text));
  return parsed.success ? parsed.data : schema.parse({});
};

/** A sequence's `schedule` column. */
export const sequenceSchedule = (text: string | null): Schedule => read(scheduleSchema, text);

/** A sequence's `stop_conditions` column. */
export const stopConditions = (text: string | null): StopConditions => read(sequenceStopConditions, text);

/** A step's `conditions` column. */
export const stepConditionsOf = (text: string | null): StepConditions => read(stepConditions, text);
