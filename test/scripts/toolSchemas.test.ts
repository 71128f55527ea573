import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { meetingFields, scheduleFieldNames, updateFieldNames } from '../../src/core/fields';
import { toolNames } from '../../src/core/toolNames';
import { kindSchema, languageModelToolsContribution, toolInputSchemas } from '../../src/core/toolSchemas';
import { validateSchedule } from '../../src/core/validate';
import { withPackageTools } from '../../scripts/toolSchemas';

const root = path.resolve(__dirname, '..', '..');
const packageText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const pkg = JSON.parse(packageText) as {
  engines: { vscode: string };
  activationEvents?: string[];
  contributes: { languageModelTools?: Record<string, unknown>[] };
};
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<
  string,
  string
>;

describe('agent tools: the languageModelTools contribution', () => {
  it('package.json holds exactly what the field table generates (run `npm run tools` after changing a field)', () => {
    assert.deepEqual(pkg.contributes.languageModelTools, languageModelToolsContribution());
    assert.equal(withPackageTools(packageText), packageText, 'the generator would change package.json');
  });

  it('the schedule and update schemas have one property per field, with its limits', () => {
    const schemas = toolInputSchemas();
    const schedule = schemas.schedule as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    assert.deepEqual(Object.keys(schedule.properties), [...scheduleFieldNames]);
    assert.deepEqual(schedule.required, ['start', 'end']);
    assert.equal(schedule.properties.subject!.maxLength, 255);
    assert.deepEqual(schedule.properties.importance!.enum, ['low', 'normal', 'high']);
    const update = schemas.update as { properties: Record<string, unknown>; required: string[] };
    assert.deepEqual(Object.keys(update.properties), ['meetingId', ...updateFieldNames]);
    assert.deepEqual(update.required, ['meetingId']);
    for (const name of scheduleFieldNames) {
      const p = schedule.properties[name]!;
      assert.equal(typeof p.description, 'string', `${name} has a description`);
      assert.deepEqual(
        { ...p, description: undefined },
        { ...kindSchema(meetingFields[name].kind), description: undefined },
      );
    }
  });

  it('findTimes takes the arguments of outlookMeetings.findMeetingTimes', () => {
    const findTimes = toolInputSchemas().findTimes as {
      properties: Record<string, unknown>;
      required: string[];
    };
    assert.deepEqual(Object.keys(findTimes.properties), [
      'attendees',
      'optionalAttendees',
      'durationMinutes',
      'start',
      'end',
      'timeZone',
    ]);
    assert.deepEqual(findTimes.required, ['attendees', 'durationMinutes', 'start', 'end']);
  });

  it('names follow the contribution rules; each tool can be referenced in a prompt; strings are in package.nls.json', () => {
    const tools = pkg.contributes.languageModelTools ?? [];
    assert.deepEqual(
      tools.map((t) => t.name),
      Object.values(toolNames),
    );
    for (const t of tools) {
      assert.match(String(t.name), /^(?!copilot_|vscode_)[\w-]+$/);
      assert.equal(t.canBeReferencedInPrompt, true);
      assert.match(String(t.toolReferenceName), /^[\w-]+$/);
      assert.equal(typeof t.modelDescription, 'string');
      for (const key of ['displayName', 'userDescription']) {
        const ref = /^%(.+)%$/.exec(String(t[key]))?.[1];
        assert.ok(ref && nls[ref], `${String(t.name)}.${key} is in package.nls.json`);
      }
      assert.equal((t.inputSchema as { type: string }).type, 'object');
    }
  });

  it('asks for VS Code 1.95 or later, the first with the stable tools API', () => {
    assert.equal(pkg.engines.vscode, '^1.95.0');
  });

  it('a schema-valid sample is also valid for the command validator', () => {
    const v = validateSchedule(
      { start: '2030-01-07T10:00', end: '2030-01-07T11:00', subject: 'x', attendees: ['a@contoso.example'] },
      { defaultTimeZone: 'Europe/Berlin' },
    );
    assert.equal(v.ok, true);
  });
});
