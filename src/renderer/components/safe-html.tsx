import { useMemo, useState } from 'react';
import { sanitizeHtml } from '../lib/sanitize-html';

/** Shows untrusted HTML (an email, a scraped page) sanitised; remote images stay hidden until "Show images". */
export function SafeHtml({ html, label }: { readonly html: string; readonly label: string }) {
  const [showImages, setShowImages] = useState(false);
  const clean = useMemo(() => sanitizeHtml(html, { allowRemoteImages: showImages }), [html, showImages]);
  return (
    <div className="safe-html">
      {clean.blockedImages > 0 && (
        <p className="notice" role="note">
          {clean.blockedImages === 1 ? '1 remote image is hidden' : `${clean.blockedImages} remote images are hidden`} (loading them tells the sender you read this).{' '}
          <button type="button" className="button button-small" onClick={() => setShowImages(true)}>
            Show images
          </button>
        </p>
      )}
      {/* Sanitised just above by DOMPurify: the only place the dashboard renders foreign markup. */}
      <div className="safe-html-body" aria-label={label} dangerouslySetInnerHTML={{ __html: clean.html }} />
    </div>
  );
}
