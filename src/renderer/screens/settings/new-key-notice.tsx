import { useState } from 'react';

interface NewKeyNoticeProps {
  readonly apiKey: string;
}

/** The freshly issued key, shown this once, with a way to copy it. */
export function NewKeyNotice({ apiKey }: NewKeyNoticeProps) {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    navigator.clipboard.writeText(apiKey).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="notice notice-warning">
      <p>
        <strong>Your new API key.</strong> Copy it now: it will not be shown again.
      </p>
      <div className="key-row">
        <code className="secret" data-testid="new-api-key">
          {apiKey}
        </code>
        <button type="button" className="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
