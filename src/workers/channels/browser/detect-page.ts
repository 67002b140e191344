import type { Page } from 'playwright-core';
import type { DetectionRule, SitePack } from '../../../shared/browser/site-pack';
import type { ChannelPauseReason } from '../../../shared/worker-protocol/messages';

/** A page that needs the operator: which rule matched and the pause reason it maps to. */
export interface Detected {
  readonly rule: 'captcha' | 'loginWall' | 'rateLimit' | 'warning';
  readonly reason: ChannelPauseReason;
}

const RULES = [
  { rule: 'captcha', reason: 'captcha' },
  { rule: 'loginWall', reason: 'login_wall' },
  // No pause reason of its own: a rate limit is a warning from the site to slow down.
  { rule: 'rateLimit', reason: 'warning_page' },
  { rule: 'warning', reason: 'warning_page' },
] as const;

const MESSAGES: Record<Detected['rule'], string> = {
  captcha: 'the site shows a security check (captcha or checkpoint)',
  loginWall: 'the site asks to sign in (login wall): log in with the profile browser',
  rateLimit: 'the site says we are going too fast (rate limit)',
  warning: 'the site shows a warning about the account',
};

/** The operator-facing message for a detected page. */
export const detectedMessage = (d: Detected, url: string): string => `${MESSAGES[d.rule]} at ${url}`;

const fold = (text: string) => text.replace(/[\u2018\u2019]/g, "'").toLowerCase();

/**
 * Looks at the page for the pack's login wall, captcha, rate-limit and warning signs (URL path, selectors, texts in
 * the title and headings; an HTTP 429 counts as a rate limit); null when the page looks normal.
 */
export async function detectPage(page: Page, pack: SitePack, status: number | null): Promise<Detected | null> {
  const url = new URL(page.url());
  const path = url.pathname + url.search;
  const rules = RULES.map((r) => ({ ...r, spec: pack.detect[r.rule] }));
  const selectors = rules.map((r) => r.spec.selectors);
  const seen = await page
    .evaluate(
      (lists) => {
        const heads = Array.from(document.querySelectorAll('h1, h2, h3'))
          .slice(0, 20)
          .map((h) => (h.textContent ?? '').slice(0, 500));
        return {
          text: [document.title.slice(0, 500), ...heads].join('\n'),
          present: lists.map((list) =>
            list.some((s) => {
              try {
                return document.querySelector(s) !== null;
              } catch {
                return false;
              }
            }),
          ),
        };
      },
      selectors,
    )
    .catch(() => ({ text: '', present: selectors.map(() => false) }));
  const text = fold(seen.text);
  const matches = (spec: DetectionRule, i: number) =>
    seen.present[i] === true || spec.urlPatterns.some((p) => new RegExp(p).test(path)) || spec.texts.some((t) => text.includes(fold(t)));
  const hit = rules.find((r, i) => matches(r.spec, i));
  if (hit) return { rule: hit.rule, reason: hit.reason };
  return status === 429 ? { rule: 'rateLimit', reason: 'warning_page' } : null;
}
