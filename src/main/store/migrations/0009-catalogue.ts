import type { Migration } from '../migration';

/** Seeds the channel catalogue: channels, profile types with their defaults, source, enrichment and outreach types. */
export const migration0009: Migration = {
  version: 9,
  name: 'catalogue',
  // String.raw keeps the regular expressions' backslashes as written
  sql: String.raw`
INSERT INTO channels (code, name, created_at, updated_at)
SELECT column1, column2, unixepoch() * 1000, unixepoch() * 1000
FROM (VALUES
  ('email', 'Email (mailbox providers)'),
  ('linkedin', 'LinkedIn'),
  ('facebook', 'Facebook'),
  ('api', 'Verification and enrichment APIs'),
  ('local', 'This computer')
);

-- quotas: {action: {max, windowSeconds, minGapSeconds, jitterSeconds}}; the gap between two actions
-- is minGapSeconds plus a random 0..jitterSeconds
INSERT INTO profile_types (code, channel_id, name, access, defaults, created_at, updated_at)
SELECT v.column1, c.id, v.column3, v.column4, json(v.column5), unixepoch() * 1000, unixepoch() * 1000
FROM (VALUES
  ('gmail', 'email', 'Gmail / Google Workspace mailbox', 'mta', '{
    "settings": {
      "smtp": {"host": "smtp.gmail.com", "port": 465, "security": "tls"},
      "imap": {"host": "imap.gmail.com", "port": 993, "security": "tls"},
      "folders": {"inbox": "INBOX", "spam": ["[Gmail]/Spam"], "sent": "[Gmail]/Sent Mail"},
      "auth": "app_password"
    },
    "credentials": ["user", "password"],
    "quotas": {"email": {"max": 40, "windowSeconds": 86400, "minGapSeconds": 120, "jitterSeconds": 180}},
    "policy": {
      "schedule": {"days": [1, 2, 3, 4, 5], "startHour": 8, "endHour": 18},
      "rampUp": {"days": 14, "startPercent": 25},
      "maxConsecutiveFailures": 5,
      "inboxCheckSeconds": 600
    }
  }'),
  ('microsoft365', 'email', 'Microsoft 365 mailbox', 'mta', '{
    "settings": {
      "smtp": {"host": "smtp.office365.com", "port": 587, "security": "starttls"},
      "imap": {"host": "outlook.office365.com", "port": 993, "security": "tls"},
      "folders": {"inbox": "INBOX", "spam": ["Junk Email"], "sent": "Sent Items"},
      "auth": "password"
    },
    "credentials": ["user", "password"],
    "quotas": {"email": {"max": 40, "windowSeconds": 86400, "minGapSeconds": 120, "jitterSeconds": 180}},
    "policy": {
      "schedule": {"days": [1, 2, 3, 4, 5], "startHour": 8, "endHour": 18},
      "rampUp": {"days": 14, "startPercent": 25},
      "maxConsecutiveFailures": 5,
      "inboxCheckSeconds": 600
    }
  }'),
  ('smtp_imap', 'email', 'Generic SMTP/IMAP mailbox', 'mta', '{
    "settings": {
      "smtp": {"host": null, "port": 587, "security": "starttls"},
      "imap": {"host": null, "port": 993, "security": "tls"},
      "folders": {"inbox": "INBOX", "spam": ["Spam", "Junk"], "sent": "Sent"},
      "auth": "password"
    },
    "credentials": ["user", "password"],
    "quotas": {"email": {"max": 30, "windowSeconds": 86400, "minGapSeconds": 120, "jitterSeconds": 180}},
    "policy": {
      "schedule": {"days": [1, 2, 3, 4, 5], "startHour": 8, "endHour": 18},
      "rampUp": {"days": 14, "startPercent": 25},
      "maxConsecutiveFailures": 5,
      "inboxCheckSeconds": 600
    }
  }'),
  ('http_api', 'api', 'HTTP verification / enrichment API', 'api', '{
    "settings": {"baseUrl": null, "keyHeader": "Authorization", "keyPrefix": "Bearer ", "timeoutSeconds": 15},
    "credentials": ["apiKey"],
    "quotas": {"api_request": {"max": 600, "windowSeconds": 3600, "minGapSeconds": 1, "jitterSeconds": 0}},
    "policy": {"maxConsecutiveFailures": 10}
  }'),
  ('local_verifier', 'local', 'Local email verifier', 'basic', '{
    "settings": {"checks": ["syntax", "mx", "disposable"], "dnsTimeoutSeconds": 5},
    "credentials": [],
    "quotas": {},
    "policy": {"maxConsecutiveFailures": 10}
  }'),
  ('public_web', 'local', 'Public web pages (local browser, no login)', 'basic', '{
    "settings": {},
    "credentials": [],
    "quotas": {"page_load": {"max": 600, "windowSeconds": 3600, "minGapSeconds": 5, "jitterSeconds": 5}},
    "policy": {"maxConsecutiveFailures": 10}
  }'),
  ('linkedin', 'linkedin', 'LinkedIn account', 'rpa', '{
    "settings": {"baseUrl": "https://www.linkedin.com"},
    "credentials": ["user", "password"],
    "quotas": {
      "linkedin_connect": {"max": 100, "windowSeconds": 604800, "minGapSeconds": 120, "jitterSeconds": 180},
      "linkedin_message": {"max": 40, "windowSeconds": 86400, "minGapSeconds": 90, "jitterSeconds": 120},
      "linkedin_visit": {"max": 80, "windowSeconds": 86400, "minGapSeconds": 30, "jitterSeconds": 60},
      "linkedin_search": {"max": 100, "windowSeconds": 86400, "minGapSeconds": 30, "jitterSeconds": 60}
    },
    "policy": {
      "schedule": {"days": [1, 2, 3, 4, 5], "startHour": 8, "endHour": 19},
      "rampUp": {"days": 21, "startPercent": 20},
      "maxConsecutiveFailures": 3,
      "inboxCheckSeconds": 1800,
      "connectionCheckSeconds": 3600
    }
  }'),
  ('facebook', 'facebook', 'Facebook account', 'rpa', '{
    "settings": {"baseUrl": "https://www.facebook.com"},
    "credentials": ["user", "password"],
    "quotas": {
      "facebook_friend": {"max": 20, "windowSeconds": 86400, "minGapSeconds": 180, "jitterSeconds": 240},
      "facebook_message": {"max": 30, "windowSeconds": 86400, "minGapSeconds": 120, "jitterSeconds": 180},
      "facebook_browse": {"max": 100, "windowSeconds": 86400, "minGapSeconds": 20, "jitterSeconds": 40}
    },
    "policy": {
      "schedule": {"days": [1, 2, 3, 4, 5], "startHour": 8, "endHour": 20},
      "rampUp": {"days": 21, "startPercent": 20},
      "maxConsecutiveFailures": 3,
      "inboxCheckSeconds": 1800,
      "connectionCheckSeconds": 3600
    }
  }')
) AS v
JOIN channels AS c ON c.code = v.column2;

-- url_pattern is a JavaScript RegExp source matched against the normalised URL
INSERT INTO source_types (code, name, url_pattern, paged, quota_action, defaults, created_at, updated_at)
SELECT column1, column2, column3, column4, column5, json(column6), unixepoch() * 1000, unixepoch() * 1000
FROM (VALUES
  ('linkedin_content_search', 'LinkedIn content search',
    '^https://(www\.)?linkedin\.com/search/results/content/?\?(.*&)?keywords=[^&#]+', 0, 'linkedin_search',
    '{"cadenceSeconds": 86400, "maxJobs": 1, "eventLimit": 100, "scrolls": 10, "scrollDelaySeconds": 3, "pageDelaySeconds": 0}'),
  ('linkedin_people_search', 'LinkedIn people search (paged)',
    '^https://(www\.)?linkedin\.com/search/results/people/?\?.+', 1, 'linkedin_search',
    '{"cadenceSeconds": 604800, "maxJobs": 10, "eventLimit": 100, "scrolls": 2, "scrollDelaySeconds": 2, "pageDelaySeconds": 20}'),
  ('facebook_group_feed', 'Facebook group feed',
    '^https://(www\.|web\.|m\.)?facebook\.com/groups/[^/?#]+/?([?#].*)?$', 0, 'facebook_browse',
    '{"cadenceSeconds": 43200, "maxJobs": 1, "eventLimit": 50, "scrolls": 15, "scrollDelaySeconds": 4, "pageDelaySeconds": 0}'),
  ('public_page', 'Public page',
    '^https?://[^/?#\s]+\.[^/?#\s]+([/?#]\S*)?$', 0, 'page_load',
    '{"cadenceSeconds": 86400, "maxJobs": 1, "eventLimit": 200, "scrolls": 0, "scrollDelaySeconds": 0, "pageDelaySeconds": 0}')
);

INSERT INTO enrichment_types (code, name, target_kind, quota_action, defaults, created_at, updated_at)
SELECT column1, column2, column3, column4, json(column5), unixepoch() * 1000, unixepoch() * 1000
FROM (VALUES
  ('verify_email', 'Verify email', 'lead', 'api_request', '{}'),
  ('find_email', 'Find email from name and domain', 'lead', 'api_request', '{}'),
  ('find_company_leads', 'Find leads at company', 'company', 'api_request', '{"limit": 25, "titles": []}'),
  ('find_phone', 'Find phone', 'lead', 'api_request', '{}')
);

-- body: 'required' | 'optional' | 'none'; maxBodyLength null = no limit
INSERT INTO outreach_types (code, name, address_field, quota_action, defaults, created_at, updated_at)
SELECT column1, column2, column3, column4, json(column5), unixepoch() * 1000, unixepoch() * 1000
FROM (VALUES
  ('email', 'Email', 'email', 'email', '{"subject": true, "body": "required", "maxBodyLength": null}'),
  ('linkedin_connect', 'LinkedIn connection request', 'linkedin', 'linkedin_connect', '{"subject": false, "body": "optional", "maxBodyLength": 300}'),
  ('linkedin_message', 'LinkedIn message', 'linkedin', 'linkedin_message', '{"subject": false, "body": "required", "maxBodyLength": null}'),
  ('facebook_friend', 'Facebook friend request', 'facebook', 'facebook_friend', '{"subject": false, "body": "none", "maxBodyLength": null}'),
  ('facebook_message', 'Facebook message', 'facebook', 'facebook_message', '{"subject": false, "body": "required", "maxBodyLength": null}'),
  ('manual_task', 'Manual task', NULL, NULL, '{"subject": true, "body": "optional", "maxBodyLength": null}')
);

INSERT INTO source_type_profile_types (source_type_id, profile_type_id)
SELECT s.id, p.id
FROM (VALUES
  ('linkedin_content_search', 'linkedin'),
  ('linkedin_people_search', 'linkedin'),
  ('facebook_group_feed', 'facebook'),
  ('public_page', 'public_web')
) AS v
JOIN source_types AS s ON s.code = v.column1
JOIN profile_types AS p ON p.code = v.column2;

INSERT INTO enrichment_type_profile_types (enrichment_type_id, profile_type_id)
SELECT e.id, p.id
FROM (VALUES
  ('verify_email', 'http_api'),
  ('verify_email', 'local_verifier'),
  ('find_email', 'http_api'),
  ('find_company_leads', 'http_api'),
  ('find_phone', 'http_api')
) AS v
JOIN enrichment_types AS e ON e.code = v.column1
JOIN profile_types AS p ON p.code = v.column2;

-- manual tasks are done by the operator, so no profile type performs them
INSERT INTO outreach_type_profile_types (outreach_type_id, profile_type_id)
SELECT o.id, p.id
FROM (VALUES
  ('email', 'gmail'),
  ('email', 'microsoft365'),
  ('email', 'smtp_imap'),
  ('linkedin_connect', 'linkedin'),
  ('linkedin_message', 'linkedin'),
  ('facebook_friend', 'facebook'),
  ('facebook_message', 'facebook')
) AS v
JOIN outreach_types AS o ON o.code = v.column1
JOIN profile_types AS p ON p.code = v.column2;
`,
};
