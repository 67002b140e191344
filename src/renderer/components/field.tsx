import type { ReactNode } from 'react';

/** Attributes that tie a control to its label, hint and errors. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean | undefined;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly errors?: readonly string[] | undefined;
  /** A group of controls (checkboxes, a pair of times) gets a fieldset and legend instead of a label. */
  readonly group?: boolean;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its validation messages right below it. */
export function Field({ id, label, hint, errors = [], group = false, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = { id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': describedBy };
  const below = (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors.join('; ')}
        </p>
      )}
    </>
  );
  if (group) {
    return (
      <fieldset className="field" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {children(control)}
        {below}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {below}
    </div>
  );
}
