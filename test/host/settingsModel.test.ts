import assert from 'node:assert/strict';
import type { Inspection } from '../../src/host/settingsModel';
import {
  buildScopes,
  classifySignInError,
  defaultEndpoint,
  effectiveValue,
  meetingDefaults,
  parseClientId,
  parseDuration,
  parseEndpoint,
  parseTenant,
  parseTimeZone,
  signInPlan,
  sovereignEnvironmentProblem,
  userValue,
} from '../../src/host/settingsModel';

describe('settingsModel', () => {
  it('reads only the user value, ignoring workspace and folder values', () => {
    assert.deepEqual(
      userValue({ defaultValue: 'd', workspaceValue: 'https://evil.example', workspaceFolderValue: 'x' }),
      { value: 'd', workspaceIgnored: true },
    );
    assert.deepEqual(userValue({ defaultValue: 'd', globalValue: 'g', workspaceValue: 'w' }), {
      value: 'g',
      workspaceIgnored: true,
    });
    assert.deepEqual(userValue({ defaultValue: 'd', globalValue: 'g' }), {
      value: 'g',
      workspaceIgnored: false,
    });
    assert.deepEqual(userValue(undefined), { value: undefined, workspaceIgnored: false });
  });

  it('reads the value in effect, workspace and folder first (for settings another extension reads with get)', () => {
    assert.equal(effectiveValue({ globalValue: 'USGovernment', workspaceValue: 'ChinaCloud' }), 'ChinaCloud');
    assert.equal(
      effectiveValue({
        globalValue: 'USGovernment',
        workspaceValue: 'ChinaCloud',
        workspaceFolderValue: 'custom',
      }),
      'custom',
    );
    assert.equal(effectiveValue({ defaultValue: 'd', globalValue: 'USGovernment' }), 'USGovernment');
    assert.equal(effectiveValue({ defaultValue: 'd' }), 'd');
    assert.equal(effectiveValue(undefined), undefined);
  });

  it('accepts the Graph hosts and loopback over https, normalised to an origin', () => {
    assert.deepEqual(parseEndpoint(undefined), { ok: true, value: defaultEndpoint });
    assert.deepEqual(parseEndpoint(''), { ok: true, value: defaultEndpoint });
    assert.deepEqual(parseEndpoint('https://graph.microsoft.com/'), {
      ok: true,
      value: 'https://graph.microsoft.com',
    });
    assert.deepEqual(parseEndpoint('https://Graph.Microsoft.US'), {
      ok: true,
      value: 'https://graph.microsoft.us',
    });
    assert.deepEqual(parseEndpoint('https://dod-graph.microsoft.us'), {
      ok: true,
      value: 'https://dod-graph.microsoft.us',
    });
    assert.deepEqual(parseEndpoint('https://microsoftgraph.chinacloudapi.cn'), {
      ok: true,
      value: 'https://microsoftgraph.chinacloudapi.cn',
    });
    assert.deepEqual(parseEndpoint('https://127.0.0.1:8443'), { ok: true, value: 'https://127.0.0.1:8443' });
    assert.deepEqual(parseEndpoint('https://localhost:9000/'), { ok: true, value: 'https://localhost:9000' });
  });

  it('refuses endpoints that could send the token elsewhere', () => {
    const cases: [unknown, string][] = [
      [42, 'notString'],
      ['graph.microsoft.com', 'notUrl'],
      ['http://graph.microsoft.com', 'notHttps'],
      ['http://127.0.0.1:8080', 'notHttps'],
      ['https://user:pw@graph.microsoft.com', 'hasCredentials'],
      ['https://graph.microsoft.com/v1.0', 'hasPath'],
      ['https://graph.microsoft.com/?x=1', 'hasQuery'],
      ['https://graph.microsoft.com/#x', 'hasQuery'],
      ['https://evil.example', 'unknownHost'],
      ['https://graph.microsoft.com.evil.example', 'unknownHost'],
      ['https://graph.microsoft.com:8443', 'unknownHost'],
    ];
    for (const [value, problem] of cases)
      assert.deepEqual(parseEndpoint(value), { ok: false, problem }, String(value));
  });

  it('validates the client ID and tenant', () => {
    assert.deepEqual(parseClientId(''), { ok: true, value: undefined });
    assert.deepEqual(parseClientId(' 11111111-2222-3333-4444-55555555AAAA '), {
      ok: true,
      value: '11111111-2222-3333-4444-55555555aaaa',
    });
    assert.deepEqual(parseClientId('abc VSCODE_TENANT:evil'), { ok: false, problem: 'notGuid' });
    assert.deepEqual(parseClientId(5), { ok: false, problem: 'notString' });
    assert.deepEqual(parseTenant(''), { ok: true, value: 'organizations' });
    assert.deepEqual(parseTenant('Common'), { ok: true, value: 'common' });
    assert.deepEqual(parseTenant('Consumers'), { ok: true, value: 'consumers' });
    assert.deepEqual(parseTenant('11111111-2222-3333-4444-555555555555'), {
      ok: true,
      value: '11111111-2222-3333-4444-555555555555',
    });
    assert.deepEqual(parseTenant('a b'), { ok: false, problem: 'invalidTenant' });
    assert.deepEqual(parseTenant('x VSCODE_CLIENT_ID:y'), { ok: false, problem: 'invalidTenant' });
  });

  it('refuses a tenant given as a domain name (VS Code would refresh the token on every getSession)', () => {
    for (const domain of ['contoso.onmicrosoft.com', 'Contoso.com', 'fabrikam.partner.onmschina.cn'])
      assert.deepEqual(parseTenant(domain), { ok: false, problem: 'tenantIsDomain' }, domain);
  });

  it('builds the sign-in scopes', () => {
    assert.deepEqual(buildScopes({ tenant: 'organizations' }), ['Calendars.ReadWrite']);
    assert.deepEqual(buildScopes({ clientId: 'abc', tenant: 'common' }), [
      'Calendars.ReadWrite',
      'VSCODE_CLIENT_ID:abc',
      'VSCODE_TENANT:common',
    ]);
  });

  describe('sign-in plan per cloud', () => {
    const clientId = '11111111-2222-3333-4444-555555555555';
    const tenant = '99999999-8888-7777-6666-555555555555';

    it('keeps the microsoft provider and short scopes for the global cloud (and the loopback fake)', () => {
      for (const endpoint of ['https://graph.microsoft.com', 'https://127.0.0.1:8443']) {
        assert.deepEqual(signInPlan({ endpoint, tenant: 'organizations' }), {
          ok: true,
          value: { providerId: 'microsoft', scopes: ['Calendars.ReadWrite'] },
        });
        assert.deepEqual(signInPlan({ endpoint, clientId, tenant: 'common' }), {
          ok: true,
          value: {
            providerId: 'microsoft',
            scopes: ['Calendars.ReadWrite', `VSCODE_CLIENT_ID:${clientId}`, 'VSCODE_TENANT:common'],
          },
        });
      }
    });

    it('signs in to national clouds with microsoft-sovereign-cloud and fully-qualified scopes', () => {
      const cases: [string, string][] = [
        ['https://graph.microsoft.us', 'USGovernment'],
        ['https://dod-graph.microsoft.us', 'USGovernment'],
        ['https://microsoftgraph.chinacloudapi.cn', 'ChinaCloud'],
      ];
      for (const [endpoint, environment] of cases) {
        assert.deepEqual(signInPlan({ endpoint, clientId, tenant }), {
          ok: true,
          value: {
            providerId: 'microsoft-sovereign-cloud',
            scopes: [
              `${endpoint}/Calendars.ReadWrite`,
              `VSCODE_CLIENT_ID:${clientId}`,
              `VSCODE_TENANT:${tenant}`,
            ],
            environment,
          },
        });
      }
    });

    it("needs the user's own app registration in a national cloud", () => {
      assert.deepEqual(signInPlan({ endpoint: 'https://graph.microsoft.us', tenant }), {
        ok: false,
        problem: 'nationalCloudNeedsClientId',
      });
    });

    it('says which microsoft-sovereign-cloud.environment is missing or wrong', () => {
      const us = signInPlan({ endpoint: 'https://dod-graph.microsoft.us', clientId, tenant });
      const cn = signInPlan({ endpoint: 'https://microsoftgraph.chinacloudapi.cn', clientId, tenant });
      const global = signInPlan({ endpoint: 'https://graph.microsoft.com', tenant });
      assert.ok(us.ok && cn.ok && global.ok);
      assert.equal(sovereignEnvironmentProblem(us.value, 'USGovernment'), undefined);
      assert.equal(sovereignEnvironmentProblem(cn.value, 'ChinaCloud'), undefined);
      for (const actual of [undefined, '', 'ChinaCloud', 'custom', 'usgovernment', 42])
        assert.equal(
          sovereignEnvironmentProblem(us.value, actual),
          'cloudEnvironmentMismatch',
          String(actual),
        );
      assert.equal(sovereignEnvironmentProblem(cn.value, 'USGovernment'), 'cloudEnvironmentMismatch');
      // The global cloud ignores the setting.
      assert.equal(sovereignEnvironmentProblem(global.value, 'ChinaCloud'), undefined);
    });
  });

  it('takes the meeting defaults (zone, duration) from user settings only, reporting a workspace value', () => {
    const known = (z: string): boolean => ['Europe/Berlin', 'Pacific/Kiritimati'].includes(z);
    const inspections: Record<string, Inspection<unknown>> = {
      timeZone: { defaultValue: '', workspaceValue: 'Pacific/Kiritimati' },
      defaultDurationMinutes: { defaultValue: 30, workspaceFolderValue: 720 },
    };
    assert.deepEqual(
      meetingDefaults((k) => inspections[k], 'Europe/Berlin', known),
      {
        durationMinutes: 30,
        timeZone: 'Europe/Berlin',
        workspaceIgnored: ['timeZone', 'defaultDurationMinutes'],
      },
    );
    const user: Record<string, Inspection<unknown>> = {
      timeZone: { defaultValue: '', globalValue: 'Pacific/Kiritimati' },
      defaultDurationMinutes: { defaultValue: 30, globalValue: 45 },
    };
    assert.deepEqual(
      meetingDefaults((k) => user[k], 'Europe/Berlin', known),
      {
        durationMinutes: 45,
        timeZone: 'Pacific/Kiritimati',
        workspaceIgnored: [],
      },
    );
  });

  it('clamps the duration and falls back for the time zone', () => {
    assert.equal(parseDuration(45), 45);
    assert.equal(parseDuration(1), 5);
    assert.equal(parseDuration(100000), 1440);
    assert.equal(parseDuration('60'), 30);
    assert.equal(parseDuration(Number.NaN), 30);
    const known = (z: string): boolean => z === 'Europe/Berlin';
    assert.equal(parseTimeZone('', 'UTC', known), 'UTC');
    assert.equal(parseTimeZone('Europe/Berlin', 'UTC', known), 'Europe/Berlin');
    assert.equal(parseTimeZone('Mars/Olympus', 'UTC', known), 'UTC');
  });

  it('classifies sign-in failures', () => {
    assert.equal(
      classifySignInError(new Error('AADSTS65002: Consent between first party application ...')),
      'unapprovedScope',
    );
    assert.equal(
      classifySignInError(
        new Error(
          "AADSTS70002: The provided client is not supported for this feature. The client application must be marked as 'mobile.'",
        ),
      ),
      'invalidClient',
    );
    assert.equal(
      classifySignInError(
        new Error(
          "AADSTS500200: User account 'someone@outlook.com' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization.",
        ),
      ),
      'personalAccountAtOrganizations',
    );
    assert.equal(
      classifySignInError(
        new Error(
          "AADSTS50020: User account 'x@live.com' from identity provider 'live.com' does not exist in tenant",
        ),
      ),
      'appNotFound',
    );
    assert.equal(classifySignInError(new Error('AADSTS700016: Application not found')), 'appNotFound');
    assert.equal(classifySignInError(new Error('AADSTS90094: Admin consent is required')), 'consentBlocked');
    assert.equal(
      classifySignInError(new Error('AADSTS65001: The user or administrator has not consented')),
      'consentBlocked',
    );
    assert.equal(classifySignInError(new Error('User did not consent to login.')), 'cancelled');
    assert.equal(classifySignInError(new Error('Cancelled')), 'cancelled');
    assert.equal(classifySignInError('boom'), 'other');
  });
});
