import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_FLAGS } from '../../../../src/shared/browser/chromium-flags';
import { scrapeOutput } from '../../../../src/shared/browser/browser-outputs';
import { createBrowserChannel } from '../../../../src/workers/channels/browser/browser-channel';
import { MAX_SNAPSHOT_HTML } from '../../../../src/workers/channels/browser/keep-snapshot';
import { PauseError, type ChannelError } from '../../../../src/workers/channels/channel';
import type { ForcedPage } from '../../../fixtures/sites/fixture-state';
import { browserProfile, CHROMIUM, recordingContext, startRig, workItem, type BrowserRig } from './browser-harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig(['linkedin', 'facebook']);
});
afterAll(async () => rig?.close());

const jobs = {
  linkedin: () => workItem('job', 'linkedin_content_search', { url: 'https://www.linkedin.com/search/results/content/?keywords=x', page: 1, params: {} }),
  facebook: () => workItem('job', 'facebook_group_feed', { url: 'https://www.facebook.com/groups/g1/', page: 1, params: {} }),
};

async function pauseOf(type: 'linkedin' | 'facebook'): Promise<PauseError> {
  const error = await rig.channels[type].perform(jobs[type](), recordingContext().context).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PauseError);
  return error as PauseError;
}

const cases: [ForcedPage, string][] = [
  ['login_wall', 'login_wall'],
  ['captcha', 'captcha'],
  ['warning', 'warning_page'],
  ['rate_limit', 'warning_page'],
];

describe('browser channel: pauses on pages that need the operator', () => {
  for (const type of ['linkedin', 'facebook'] as const) {
    for (const [forced, reason] of cases) {
      it(`${type}: a ${forced} page pauses the profile with reason ${reason}, a screenshot and the HTML`, async () => {
        rig.site.state.force = forced;
        try {
          const pause = await pauseOf(type);
          expect(pause.reason).toBe(reason);
          expect(pause.message).toMatch(/^the site /);
          const dir = join(rig.dir, type, 'snapshots');
          expect(pause.snapshot?.screenshot).toMatch(/\.png$/);
          expect(statSync(join(dir, pause.snapshot?.screenshot ?? '')).size).toBeGreaterThan(1_000);
          expect(readFileSync(join(dir, pause.snapshot?.html ?? ''), 'utf8')).toContain('</html>');
        } finally {
          rig.site.state.force = null;
        }
      });
    }
  }

  it('pauses before acting when an outreach meets a checkpoint: no effect started, no invitation', async () => {
    rig.site.state.force = 'captcha';
    const { context, started } = recordingContext();
    try {
      const item = workItem('outreach', 'linkedin_connect', { typeCode: 'linkedin_connect', to: 'https://www.linkedin.com/in/ada-lovelace-0/', body: '' });
      await expect(rig.channels.linkedin.perform(item, context)).rejects.toMatchObject({ reason: 'captcha' });
    } finally {
      rig.site.state.force = null;
    }
    expect(started).toEqual([]);
    expect(rig.site.state.invitations).toEqual([]);
  });

  it('survives a hostile page (dialogs, popup, injected markup, huge DOM, broken markup) and keeps its HTML snapshot bounded', async () => {
    const result = await rig.channels.facebook.perform(workItem('job', 'facebook_group_feed', { url: 'https://www.facebook.com/groups/hostile/', page: 1, eventLimit: 50, params: {} }), recordingContext().context);
    const output = scrapeOutput.parse(result.outcome === 'performed' ? result.output : null);
    expect(output.stoppedBecause).toBe('event_limit');
    expect(output.events).toHaveLength(50);
    expect(output.events.every((e) => e.url.startsWith('https://www.facebook.com/groups/hostile/posts/'))).toBe(true);
    expect(output.events.find((e) => e.text?.startsWith('lorem'))?.text?.length).toBeLessThanOrEqual(20_000);
    expect(output.events[0]?.text).toContain('Injected markup');
    // A failure while the hostile page is open keeps at most MAX_SNAPSHOT_HTML of its HTML; the browser still works afterwards.
    const failed = await rig.channels.facebook
      .perform(workItem('job', 'facebook_group_feed', { url: 'https://www.facebook.com/groups/hostile/', page: 1, params: {}, eventLimit: 'x' }), recordingContext().context)
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ kind: 'permanent' });
    const html = (failed as ChannelError).snapshot?.html ?? 'none';
    const size = statSync(join(rig.dir, 'facebook', 'snapshots', html)).size;
    expect(size).toBeGreaterThan(MAX_SNAPSHOT_HTML / 2);
    expect(size).toBeLessThanOrEqual(MAX_SNAPSHOT_HTML * 4);
    expect(readFileSync(join(rig.dir, 'facebook', 'snapshots', html), 'utf8').length).toBeLessThanOrEqual(MAX_SNAPSHOT_HTML);
    const after = await rig.channels.facebook.perform(jobs.facebook(), recordingContext().context);
    expect(after.outcome).toBe('performed');
  });

  it('keeps the operator signed in: cookies set in the profile browser are there when the worker starts', async () => {
    rig.site.state.requireLogin = true;
    const dir = join(rig.dir, 'login');
    const profile = browserProfile(rig.site, dir, 'linkedin');
    const channel = createBrowserChannel();
    await channel.open(profile);
    try {
      await expect(channel.perform(jobs.linkedin(), recordingContext().context)).rejects.toMatchObject({ reason: 'login_wall' });
    } finally {
      await channel.close();
    }
    // The operator's "log in" browser: same user-data folder, signs in on the pack's login page.
    const login = await chromium.launchPersistentContext(join(dir, 'browser-profile'), { executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS] });
    const page = login.pages()[0] ?? (await login.newPage());
    await page.goto(`${rig.site.baseUrl}/login`);
    await page.click('form#login-form button[type=submit]');
    await page.waitForURL(/\/feed\/$/);
    await login.close();
    await channel.open(profile);
    try {
      expect((await channel.perform(jobs.linkedin(), recordingContext().context)).outcome).toBe('performed');
    } finally {
      await channel.close();
      rig.site.state.requireLogin = false;
    }
    expect(existsSync(join(dir, 'browser-profile'))).toBe(true);
  });
});
