import { defineMethod } from '../define-method';
import { apiKeyInfo, issuedApiKey } from '../schemas/api-key';
import { noInput } from '../schemas/common';
import { settings, settingsPatch } from '../schemas/settings';

/** Operator settings and the local API key. */
export const settingsMethods = {
  'settings.get': defineMethod({ http: 'GET', path: '/settings', summary: 'Operator settings', input: noInput, output: settings }),
  'settings.update': defineMethod({
    http: 'POST',
    path: '/settings',
    summary: 'Change some settings; fields not given keep their value',
    input: settingsPatch,
    output: settings,
  }),
  'apiKey.describe': defineMethod({ http: 'GET', path: '/api-key', summary: 'The active API key (prefix only)', input: noInput, output: apiKeyInfo }),
  'apiKey.rotate': defineMethod({
    http: 'POST',
    path: '/api-key/rotate',
    summary: 'Revoke the API key and issue a new one, returned once',
    input: noInput,
    output: issuedApiKey,
  }),
} as const;
