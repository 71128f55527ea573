// The walkthrough's contribution: the four steps of issue 14, each completing on a real event whose source exists
// (a contributed command, a contributed setting, a context key the host sets), media files present, buttons that
// run contributed commands. The steps completing in the workbench: test/e2e/ui.test.ts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; svg?: string; altText?: string };
  completionEvents?: string[];
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> };
    walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
  };
};
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (s: string): string => nls[/^%(.+)%$/.exec(s)?.[1] ?? ''] ?? s;

/** Context keys the host sets with `setContext`, found in src/. */
function contextKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts'))
        for (const m of readFileSync(p, 'utf8').matchAll(/ContextKey = '([\w.]+)'/g)) keys.add(m[1]!);
    }
  };
  walk(join(root, 'src'));
  return keys;
}

describe('walkthrough contribution', () => {
  const walkthrough = pkg.contributes.walkthroughs?.find((w) => w.id === 'outlookMeetings.gettingStarted');

  it('has the four steps in order, each titled, described and with media', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has outlookMeetings.gettingStarted');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['registerApp', 'setIds', 'signIn', 'firstMeeting'],
    );
    for (const step of walkthrough.steps) {
      assert.ok(text(step.title) && text(step.description), step.id);
      const file = step.media.markdown ?? step.media.image ?? step.media.svg;
      assert.ok(file && existsSync(join(root, file)), `${step.id}: media ${file}`);
      if (!step.media.markdown) assert.ok(text(step.media.altText ?? ''), `${step.id}: alt text`);
    }
    assert.match(readFileSync(join(root, walkthrough.steps[0]!.media.markdown!), 'utf8'), /App registrations/);
  });

  it('completes each step on a real event whose source exists', () => {
    assert.ok(walkthrough);
    const commands = new Set(pkg.contributes.commands.map((c) => c.command));
    const settings = new Set(Object.keys(pkg.contributes.configuration.properties));
    const keys = contextKeys();
    const expected: Record<string, string[]> = {
      registerApp: ['onCommand:outlookMeetings.showSetupGuide'],
      setIds: ['onSettingChanged:outlookMeetings.auth.clientId'],
      signIn: ['onContext:outlookMeetings.signedIn'],
      firstMeeting: ['onContext:outlookMeetings.hasMeetings', 'onContext:outlookMeetings.sandbox'],
    };
    for (const step of walkthrough.steps) {
      assert.deepEqual(step.completionEvents, expected[step.id], step.id);
      for (const event of step.completionEvents ?? []) {
        const [kind, arg] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(commands.has(arg), event);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(arg), event);
        else if (kind === 'onContext') assert.ok(keys.has(arg), `${event}: no setContext of it in src/`);
        else assert.fail(`unexpected completion event ${event}`);
      }
    }
  });

  it("has a button in each step's description that runs a contributed command (or opens the settings)", () => {
    assert.ok(walkthrough);
    const commands = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      const links = [...text(step.description).matchAll(/\n\[[^\]]+\]\(command:([\w.]+)(\?[^)]*)?\)$/g)];
      assert.equal(links.length, 1, `${step.id}: one button, alone on the last line`);
      const [, command, args] = links[0]!;
      if (command === 'workbench.action.openSettings')
        assert.deepEqual(JSON.parse(decodeURIComponent(args!.slice(1))), ['outlookMeetings.auth']);
      else assert.ok(commands.has(command!), `${step.id}: ${command}`);
    }
  });
});
