import { z } from 'zod';
import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { profileCreate, profileRecord, profileRef, profileUpdate } from '../schemas/profiles';

const control = (verb: string, summary: string) =>
  defineMethod({ http: 'POST', path: `/profiles/:id/${verb}`, summary, input: profileRef, output: profileRecord });

/** Profiles and their workers: add, edit, delete, start/stop/pause/resume, with live state. */
export const workMethods = {
  'profiles.list': defineMethod({
    http: 'GET',
    path: '/profiles',
    summary: 'Profiles with the live state of their workers; changes arrive as profiles.state events. Credentials show only which fields are set',
    input: noInput,
    output: z.object({ items: z.array(profileRecord) }),
  }),
  'profiles.get': defineMethod({ http: 'GET', path: '/profiles/:id', summary: 'One profile with its live state', input: profileRef, output: profileRecord }),
  'profiles.create': defineMethod({
    http: 'POST',
    path: '/profiles',
    summary: 'Add a profile of a catalogue type (settings validated for its access class, every credential field required and stored encrypted); it stays idle until started',
    input: profileCreate,
    output: profileRecord,
  }),
  'profiles.update': defineMethod({
    http: 'POST',
    path: '/profiles/:id',
    summary: 'Rename a profile or change its settings, quotas, policy, tag or credentials; a running worker restarts to pick up new settings or credentials',
    input: profileUpdate,
    output: profileRecord,
  }),
  'profiles.delete': defineMethod({
    http: 'POST',
    path: '/profiles/:id/delete',
    summary: 'Delete a profile (kept for history): its worker stops and its pending work is released; refused while it holds running work',
    input: profileRef,
    output: z.object({ deleted: z.literal(true) }),
  }),
  'profiles.start': control('start', 'Mark the profile active and start its worker (one process per profile, never two)'),
  'profiles.stop': control('stop', 'Mark the profile inactive and stop its worker gracefully (killed after a deadline)'),
  'profiles.pause': control('pause', 'Pause the profile: its worker stops and stays stopped until resumed'),
  'profiles.resume': control('resume', 'Resume a paused or failed profile: its worker starts again'),
  'profiles.openBrowser': control(
    'open-browser',
    "Log in: stop a LinkedIn/Facebook profile's worker and open its own browser on the site's login page so the operator signs in (Outpost never asks for the password); the worker starts again when the window is closed",
  ),
} as const;
