/** Whether a link may be handed to the OS browser: an absolute https URL to a named host, nothing that runs code or reads files. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // https only: file:, javascript:, data:, custom schemes (which launch other apps) and plain http never leave the app.
  if (url.protocol !== 'https:') return false;
  // Credentials in a link are a phishing trick (https://bank.com@evil.example); no legitimate link from the dashboard has them.
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname.length > 0 && raw.length <= 2048;
}

/** What the window does with a navigation or a new-window request: nothing inside the app, at most an OS browser tab. */
export type NavigationDecision = { readonly action: 'deny' } | { readonly action: 'open-external'; readonly url: string };

/** Every window.open / target=_blank is denied in the app; safe https links open in the OS browser instead. */
export const decideWindowOpen = (url: string): NavigationDecision => (isSafeExternalUrl(url) ? { action: 'open-external', url } : { action: 'deny' });
