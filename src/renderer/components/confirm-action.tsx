import { useState, type ReactNode } from 'react';
import { toError } from '../lib/async-state';

type Step = { readonly kind: 'idle' } | { readonly kind: 'confirming' } | { readonly kind: 'running' } | { readonly kind: 'failed'; readonly message: string };

interface ConfirmActionProps {
  /** The first button ("Rotate key"). */
  readonly label: string;
  /** The button that really acts ("Confirm rotation"). */
  readonly confirmLabel: string;
  /** Names the confirmation group for assistive technology. */
  readonly groupLabel: string;
  /** What acting will do, shown while confirming. */
  readonly warning: ReactNode;
  /** Starts the failure sentence ("The key was not rotated"). */
  readonly failure: string;
  readonly run: () => Promise<unknown>;
}

/** A button for an action that cannot be taken back: it asks for confirmation first and reports a failure next to itself. */
export function ConfirmAction({ label, confirmLabel, groupLabel, warning, failure, run }: ConfirmActionProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const confirm = (): void => {
    setStep({ kind: 'running' });
    run().then(
      () => setStep({ kind: 'idle' }),
      (error: unknown) => setStep({ kind: 'failed', message: toError(error).message }),
    );
  };

  if (step.kind === 'confirming' || step.kind === 'running') {
    return (
      <div className="confirm" role="group" aria-label={groupLabel}>
        <p>{warning}</p>
        <div className="button-row">
          <button type="button" className="button button-danger" onClick={confirm} disabled={step.kind === 'running'}>
            {confirmLabel}
          </button>
          <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })} disabled={step.kind === 'running'}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={() => setStep({ kind: 'confirming' })}>
        {label}
      </button>
      {step.kind === 'failed' && (
        <p className="form-outcome danger" role="alert">
          {failure}: {step.message}
        </p>
      )}
    </div>
  );
}
