import type { SequenceDetail, StepInput } from '../../../shared/contract/schemas/sequences';

/** The editor's copy of a sequence. */
export interface SequenceDraft {
  name: string;
  status: 'draft' | 'active' | 'paused' | 'archived';
  dailyEnrollmentCap: number | null;
  stopOnCompanyReply: boolean;
  steps: StepInput[];
}

/** A new email step with one variant. */
export const newStep = (): StepInput => ({
  typeCode: 'email',
  delayDays: 2,
  autoApprove: false,
  branch: null,
  variants: [{ label: 'A', subject: 'Quick question, {{first_name|there}}', body: 'Hi {{first_name|there}},\n\n', weight: 1 }],
});

/** The draft of a stored sequence (or of a new one). */
export function draftOf(detail: SequenceDetail | undefined): SequenceDraft {
  if (!detail) return { name: 'New sequence', status: 'draft', dailyEnrollmentCap: 50, stopOnCompanyReply: false, steps: [{ ...newStep(), delayDays: 0 }] };
  return {
    name: detail.name,
    status: detail.status,
    dailyEnrollmentCap: detail.dailyEnrollmentCap,
    stopOnCompanyReply: detail.stopOnCompanyReply,
    steps: detail.steps.map((s) => ({
      id: s.id,
      typeCode: s.typeCode as StepInput['typeCode'],
      delayDays: s.delayDays,
      autoApprove: s.autoApprove,
      branch: s.branch,
      variants: s.variants.map((v) => ({ id: v.id, label: v.label, subject: v.subject, body: v.body, weight: v.weight })),
    })),
  };
}
