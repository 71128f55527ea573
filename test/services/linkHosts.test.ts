// Which hosts a meeting link may open (issue 10.2): exact host match per link kind over a parsed URL.
import assert from 'node:assert/strict';
import { allowedLink, allowedLinkHosts } from '../../src/services/linkHosts';

describe('link hosts (issue 10.2)', () => {
  it('refuses look-alike hosts, userinfo tricks, other ports and schemes, for both kinds', () => {
    const hostile = [
      'https://teams.microsoft.com.attacker.example/l/meetup-join/19%3ameeting',
      'https://attacker.example\\@teams.microsoft.com/',
      'https://attacker.example\\@outlook.office365.com/owa/',
      'https://user:pw@teams.microsoft.com/l/meetup-join/x',
      'https://teams.microsoft.com@attacker.example/',
      'https://teams.microsoft.com:8443/l/meetup-join/x',
      'http://teams.microsoft.com/l/meetup-join/x',
      'javascript:alert(1)//teams.microsoft.com',
      'https://teams.microsoft.com./l/x',
      'https://evilteams.microsoft.com/l/x',
      'https://xn--teams-microsoft-com.example/',
      'https://outlook.office.com.attacker.example/owa/',
      'teams.microsoft.com/l/x',
      '',
    ];
    for (const link of hostile) {
      assert.equal(allowedLink('joinUrl', link), undefined, link);
      assert.equal(
        allowedLink('webLink', link.replace('teams.microsoft.com', 'outlook.office.com')),
        undefined,
        link,
      );
    }
    assert.equal(allowedLink('joinUrl', undefined), undefined);
    assert.equal(allowedLink('joinUrl', 42), undefined);
  });

  it('keeps each kind to its own hosts', () => {
    assert.equal(allowedLink('joinUrl', 'https://outlook.office365.com/owa/?itemid=x'), undefined);
    assert.equal(allowedLink('webLink', 'https://teams.microsoft.com/l/meetup-join/x'), undefined);
  });

  it('opens the Outlook web and Teams hosts of every cloud, default port allowed', () => {
    for (const host of allowedLinkHosts.webLink) {
      assert.equal(
        allowedLink('webLink', `https://${host}/owa/?itemid=AAMk%3D`),
        `https://${host}/owa/?itemid=AAMk%3D`,
      );
    }
    for (const host of allowedLinkHosts.joinUrl) {
      assert.ok(allowedLink('joinUrl', `https://${host}/l/meetup-join/19%3ameeting_x%40thread.v2/0`), host);
    }
    assert.ok(
      allowedLink('joinUrl', 'https://TEAMS.microsoft.com:443/l/meetup-join/x'),
      'case and default port',
    );
    for (const host of [
      'outlook.office.com',
      'outlook.office365.com',
      'outlook.live.com',
      'outlook.office365.us',
      'webmail.apps.mil',
      'partner.outlook.cn',
    ])
      assert.ok(allowedLinkHosts.webLink.includes(host), host);
    for (const host of [
      'teams.microsoft.com',
      'teams.live.com',
      'gov.teams.microsoft.us',
      'dod.teams.microsoft.us',
      'teams.microsoftonline.cn',
    ])
      assert.ok(allowedLinkHosts.joinUrl.includes(host), host);
  });
});
