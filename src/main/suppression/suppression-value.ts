import { normaliseDomain, normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl } from '../../shared/normalise';
import type { SuppressionKind } from './is-suppressed';

/** The normalised form of a value to suppress, with its kind (guessed when not given), or an error naming the problem. */
export function suppressionValue(raw: string, kind?: SuppressionKind): { kind: SuppressionKind; value: string } | { error: string } {
  const text = raw.trim();
  const guessed: SuppressionKind =
    kind ?? (text.includes('@') ? 'email' : /(^|[./])linkedin\.com/i.test(text) ? 'linkedin' : /(^|[./])facebook\.com/i.test(text) ? 'facebook' : 'domain');
  const value =
    guessed === 'email'
      ? normaliseEmail(text)
      : guessed === 'linkedin'
        ? normaliseLinkedinUrl(text)
        : guessed === 'facebook'
          ? normaliseFacebookUrl(text)
          : normaliseDomain(text);
  return value ? { kind: guessed, value } : { error: `"${text.slice(0, 100)}" is not a valid ${guessed === 'linkedin' || guessed === 'facebook' ? `${guessed} profile URL` : guessed}` };
}
