import DOMPurify from 'dompurify';

/** Sanitised markup and how many remote images were held back. */
export interface SanitizedHtml {
  readonly html: string;
  readonly blockedImages: number;
}

// Tags that run code, load documents, submit data or restyle the dashboard; DOMPurify already drops scripts and handlers.
const FORBID_TAGS = ['style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'audio', 'video', 'source'];
const REMOTE = /^\s*(https?:)?\/\//i;

const purify = DOMPurify(window);
let allowRemoteImages = false;
let blockedImages = 0;

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    // Links leave the dashboard in a new tab that cannot reach back (no opener) and tells nothing (no referrer).
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'IMG' && REMOTE.test(node.getAttribute('src') ?? '') && !allowRemoteImages) {
    // A remote image is a read receipt for the sender: it loads only when the operator asks.
    node.removeAttribute('src');
    node.removeAttribute('srcset');
    node.setAttribute('alt', node.getAttribute('alt') || '[image]');
    blockedImages++;
  }
  const style = node.getAttribute('style');
  if (style !== null && /url\s*\(|expression\s*\(|@import/i.test(style)) node.removeAttribute('style');
});

/** Email or scraped HTML made safe to show: no scripts, handlers, forms or frames; safe links; remote images only when allowed. */
export function sanitizeHtml(dirty: string, options: { readonly allowRemoteImages: boolean }): SanitizedHtml {
  allowRemoteImages = options.allowRemoteImages;
  blockedImages = 0;
  const html = purify.sanitize(dirty, { FORBID_TAGS, FORBID_ATTR: ['srcset', 'background', 'ping', 'formaction'], ALLOW_DATA_ATTR: false });
  return { html, blockedImages };
}
