import { z } from 'zod';
import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { profileCreate, profileRef, profileView } from '../schemas/profiles';

const control = (verb: string, summary: string) =>
  defineMethod({ http: 'POST', path: `/profiles/:id/${verb}`, summary, input: profileRef, output: profileView });

/** Profiles, workers and the work engine: start/stop/pause, outbox with why-waiting, monitoring. */
export const workMethods = {
  'profiles.list': defineMethod({
    http: 'GET',
    path: '/profiles',
    summary: 'Profiles with the live state of their workers; changes arrive as profiles.state events',
    input: noInput,
    output: z.object({ items: z.array(profileView) }),
  }),
  'profiles.create': defineMethod({
    http: 'POST',
    path: '/profiles',
    summary: 'Add a profile of a catalogue type; it stays idle until started',
    input: profileCreate,
    output: profileView,
  }),
  'profiles.start': control('start', 'Mark the profile active and start its worker (one process per profile, never two)'),
  'profiles.stop': control('stop', 'Mark the profile inactive and stop its worker gracefully (killed after a deadline)'),
  'profiles.pause': control('pause', 'Pause the profile: its worker stops and stays stopped until resumed'),
  'profiles.resume': control('resume', 'Resume a paused or failed profile: its worker starts again'),
} as const;
