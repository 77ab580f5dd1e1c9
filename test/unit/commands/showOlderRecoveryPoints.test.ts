import '../../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ProtectedVm } from '../../../src/azure/model';
import { dayText } from '../../../src/commands/recoveryPointDates';
import { showOlderRecoveryPoints, showRecentRecoveryPoints, type PointRangeServices } from '../../../src/commands/showOlderRecoveryPoints';
import { RecoveryPointRangeNode } from '../../../src/tree/recoveryPointNodes';
import { ShownPointRanges } from '../../../src/tree/recoveryPointRanges';
import type { BackupTreeNode } from '../../../src/tree/treeNode';
import type { InputOptions } from '../../../src/ui/userPrompts';
import { demoTenantId, testFlowServices } from '../../support/flowServices';
import { label, scriptedPrompts, type ScriptedPrompts, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { protectedVm, vmNode } from '../tree/recoveryPointFixtures';

const today = new Date();
const todayText = dayText(today);
const daysAgo = (days: number) => dayText(new Date(today.getFullYear(), today.getMonth(), today.getDate() - days));

interface Run {
  services: PointRangeServices;
  prompts: ScriptedPrompts;
  ranges: ShownPointRanges;
  inputs: InputOptions[];
  shown: { item: ProtectedVm; node: BackupTreeNode | undefined }[];
}

/** Services for a run from the tree: prompts from the script (inputs recorded whole), no Azure. */
function fromTree(script: ScriptStep[], ranges = new ShownPointRanges()): Run {
  const prompts = scriptedPrompts(script);
  const inputs: InputOptions[] = [];
  const input = prompts.input.bind(prompts);
  prompts.input = (options) => {
    inputs.push(options);
    return input(options);
  };
  const shown: Run['shown'] = [];
  const services = {
    prompts,
    azure: () => assert.fail('a command run on a tree node needs no Azure call'),
    pointRanges: ranges,
    showPoints: async (item: ProtectedVm, node?: BackupTreeNode) => {
      shown.push({ item, node });
    },
  } as unknown as PointRangeServices;
  return { services, prompts, ranges, inputs, shown };
}

const noSubscriptions = () => assert.fail('a command run on a tree node asks for no subscription');

describe('Show Older Recovery Points…', () => {
  it('asks a start and an end date, refusing each bad one with the fix, then shows those whole days under the VM', async () => {
    const run = fromTree([
      {
        input: 'Recovery points of web-01: start date (1/2)',
        refuses: [
          { value: '2025/01/01', message: `Type the date as YYYY-MM-DD, for example ${todayText}.` },
          { value: '', message: /^Type the date as YYYY-MM-DD/ },
          { value: '2025-02-30', message: '2025-02-30 is not a day of the calendar: check the month (01–12) and the day.' },
          { value: '2025-13-01', message: /is not a day of the calendar/ },
          { value: daysAgo(-1), message: `${daysAgo(-1)} is in the future: choose today (${todayText}) or an earlier day.` },
          { value: '1900-01-01', message: /^Azure keeps recovery points for at most 99 years: choose \d{4}-\d{2}-\d{2} or later\.$/ },
        ],
        answer: '2025-01-01',
      },
      {
        input: 'Recovery points of web-01: end date (2/2)',
        refuses: [
          { value: '2024-12-31', message: 'The end date is before the start date: choose 2025-01-01 or later.' },
          { value: '31.01.2025', message: /^Type the date as YYYY-MM-DD/ },
          { value: '2999-01-01', message: `2999-01-01 is in the future: choose today (${todayText}) or an earlier day.` },
        ],
        answer: '2025-01-31',
      },
    ]);
    const vm = vmNode(protectedVm(), run.ranges);
    const older = new RecoveryPointRangeNode(vm, 'older', undefined);
    await showOlderRecoveryPoints(run.services, noSubscriptions, older);
    run.prompts.assertDone();
    assert.deepEqual(run.ranges.rangeOf(protectedVm().id), { from: new Date(2025, 0, 1), to: new Date(2025, 0, 31, 23, 59, 59) });
    assert.deepEqual(run.shown, [{ item: vm.item, node: vm }], 'the VM node clicked under is redrawn and expanded');
    assert.equal(run.inputs[0]!.value, daysAgo(90), 'first offers the last 90 days');
    assert.equal(run.inputs[1]!.value, todayText);
    assert.equal(run.inputs[0]!.placeholder, 'YYYY-MM-DD');
    assert.match(run.inputs[0]!.prompt!, /in your time zone/);
  });

  it('accepts a single day, and today as the end', async () => {
    const run = fromTree([
      { input: /start date/, answer: todayText },
      { input: /end date/, answer: todayText },
    ]);
    const vm = vmNode(protectedVm(), run.ranges);
    await showOlderRecoveryPoints(run.services, noSubscriptions, vm);
    const range = run.ranges.rangeOf(protectedVm().id)!;
    assert.equal(dayText(range.from), todayText);
    assert.equal(dayText(range.to), todayText);
    assert.ok(range.from.getTime() < range.to.getTime());
  });

  it('offers the range shown as the first answers', async () => {
    const ranges = new ShownPointRanges();
    ranges.show(protectedVm().id, { from: new Date(2025, 0, 1), to: new Date(2025, 0, 31, 23, 59, 59) });
    const run = fromTree([{ input: /start date/, answer: undefined }], ranges);
    await showOlderRecoveryPoints(run.services, noSubscriptions, vmNode(protectedVm(), ranges));
    assert.equal(run.inputs[0]!.value, '2025-01-01');
  });

  for (const [when, script] of [
    ['at the start date', [{ input: /start date/, answer: undefined }]],
    ['at the end date', [{ input: /start date/, answer: '2025-01-01' }, { input: /end date/, answer: undefined }]],
  ] as [string, ScriptStep[]][]) {
    it(`cancelled ${when}: the range shown stays as it was and nothing is redrawn`, async () => {
      const ranges = new ShownPointRanges();
      const before = { from: new Date(2024, 5, 1), to: new Date(2024, 5, 30, 23, 59, 59) };
      ranges.show(protectedVm().id, before);
      const run = fromTree(script, ranges);
      await showOlderRecoveryPoints(run.services, noSubscriptions, vmNode(protectedVm(), ranges));
      run.prompts.assertDone();
      assert.deepEqual(ranges.rangeOf(protectedVm().id), before);
      assert.deepEqual(run.shown, []);
    });
  }

  it('"Show last 30 days" forgets the range and redraws the VM', async () => {
    const ranges = new ShownPointRanges();
    ranges.show(protectedVm().id, { from: new Date(2025, 0, 1), to: new Date(2025, 0, 31) });
    const run = fromTree([], ranges);
    const vm = vmNode(protectedVm(), ranges);
    await showRecentRecoveryPoints(run.services, new RecoveryPointRangeNode(vm, 'recent', ranges.rangeOf(protectedVm().id)));
    assert.equal(ranges.rangeOf(protectedVm().id), undefined);
    assert.deepEqual(run.shown, [{ item: vm.item, node: vm }]);
  });

  it('"Show last 30 days" without a VM says where to find it', async () => {
    const run = fromTree([{ info: 'Use "Show last 30 days" under a virtual machine in the Backups view.' }]);
    await showRecentRecoveryPoints(run.services, undefined);
    run.prompts.assertDone();
    assert.deepEqual(run.shown, []);
  });

  describe('from the palette', () => {
    let env: TestEmulator;
    beforeEach(async () => {
      env = await startTestEmulator();
    });
    afterEach(async () => {
      await env.close();
    });

    it('asks for the VM among every backed-up one (stopped and soft-deleted included), then the dates', async () => {
      const flow = await testFlowServices(env, [
        { pickOne: 'Show Older Recovery Points', answer: label('Contoso Development') },
        { pickOne: 'Show Older Recovery Points', answer: label('legacy-api') },
        { input: /^Recovery points of legacy-api: start date/, answer: daysAgo(200) },
        { input: /^Recovery points of legacy-api: end date/, answer: daysAgo(40) },
      ]);
      const ranges = new ShownPointRanges();
      const shown: { item: ProtectedVm; node: BackupTreeNode | undefined }[] = [];
      const services: PointRangeServices = {
        ...flow,
        pointRanges: ranges,
        showPoints: async (item, node) => {
          shown.push({ item, node });
        },
      };
      await showOlderRecoveryPoints(services, () => flow.azure().cache.subscriptions(demoTenantId), undefined);
      flow.prompts.assertDone();
      assert.deepEqual(shown.map(({ item, node }) => [item.name, node]), [['legacy-api', undefined]], 'no node: the tree finds the VM by its path');
      assert.deepEqual([...flow.prompts.offered[1]!.labels].sort(), ['build-agent-01', 'build-agent-02', 'legacy-api']);
      assert.equal(dayText(ranges.rangeOf(shown[0]!.item.id)!.from), daysAgo(200));
    });
  });
});
