/** The dashboard's Content Security Policy directives: only our own scripts, styles and connections; no plugins, no framing. */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // https: only for images in a message the operator chose to show (SafeHtml hides them until then).
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The policy as an HTTP header value (browser edition). */
export const DASHBOARD_CSP = directives.join('; ');

/** The policy for a `<meta>` tag in the built page (desktop, loaded from disk); browsers ignore frame-ancestors there. */
export const DASHBOARD_CSP_META = directives.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
