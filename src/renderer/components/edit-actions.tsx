interface EditActionsProps {
  readonly saveLabel: string;
  readonly saving: boolean;
  readonly onCancel: () => void;
  readonly failure: string | undefined;
}

/** Save and Cancel under an edit form, with why the last save failed. */
export function EditActions({ saveLabel, saving, onCancel, failure }: EditActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={saving}>
        {saveLabel}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={saving}>
        Cancel
      </button>
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
