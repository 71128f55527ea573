import assert from 'node:assert/strict';
import {
  defaultReminderMinutes,
  maxReminderMinutes,
  nextMeetingSettings,
  parseReminderMinutes,
  settingKeys,
} from '../../src/host/settingsModel';

describe('settingsModel: the next meeting settings', () => {
  it('reads the reminder lead as whole minutes from 0 (off) to 120, else the default 5', () => {
    assert.equal(defaultReminderMinutes, 5);
    assert.equal(maxReminderMinutes, 120);
    assert.equal(parseReminderMinutes(undefined), 5);
    assert.equal(parseReminderMinutes('10'), 5);
    assert.equal(parseReminderMinutes(Number.NaN), 5);
    assert.equal(parseReminderMinutes(0), 0);
    assert.equal(parseReminderMinutes(-3), 0);
    assert.equal(parseReminderMinutes(7.6), 8);
    assert.equal(parseReminderMinutes(5000), 120);
  });

  it('uses user values only and names the workspace values it ignored', () => {
    const inspections: Record<
      string,
      { defaultValue?: unknown; globalValue?: unknown; workspaceValue?: unknown }
    > = {
      [settingKeys.showNextMeeting]: { defaultValue: true, workspaceValue: false },
      [settingKeys.reminderMinutes]: { defaultValue: 5, globalValue: 0, workspaceValue: 30 },
    };
    assert.deepEqual(
      nextMeetingSettings((key) => inspections[key]),
      {
        showInStatusBar: true,
        reminderMinutes: 0,
        workspaceIgnored: [settingKeys.showNextMeeting, settingKeys.reminderMinutes],
      },
    );
    assert.deepEqual(
      nextMeetingSettings(() => undefined),
      {
        showInStatusBar: true,
        reminderMinutes: 5,
        workspaceIgnored: [],
      },
    );
    assert.equal(nextMeetingSettings(() => ({ globalValue: 'no' })).showInStatusBar, true);
  });
});
