// "Restore…" against the emulator, up to the form it opens: on a recovery point (that point, no
// question), on a backed-up VM (which of its points, or other dates), from the palette (the VM,
// then the point); refused on a soft-deleted VM and on anything that is not a point or a VM.
import '../../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { ProtectedVm, RecoveryPoint, Subscription, Vault } from '../../../src/azure/model';
import { restore, type RestoreForm } from '../../../src/commands/restore';
import { dayText } from '../../../src/commands/recoveryPointDates';
import type { RestoreIdentity } from '../../../src/webviews/shared/restoreProtocol';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';

const prod = demoSubscriptions.production;
let env: TestEmulator;

before(async () => {
  env = await startTestEmulator();
});
after(async () => {
  await env.close();
});

interface Run {
  services: TestFlowServices;
  opened: RestoreIdentity[];
}

async function run(script: ScriptStep[], node?: unknown): Promise<Run> {
  const services = await testFlowServices(env, script);
  const opened: RestoreIdentity[] = [];
  const form: RestoreForm = { open: async (identity) => void opened.push(identity) };
  const subscriptions = async () => (await services.azure().reader.listSubscriptions(demoTenantId)) as Subscription[];
  await restore(services, { subscriptions, form }, node);
  services.prompts.assertDone();
  return { services, opened };
}

/** A ProtectedVmNode-like argument (the item, its vault node as parent) and the VM's points of the last 30 days. */
async function vmNode(subscriptionId: string, vaultName: string, vmName: string): Promise<{ node: { id: string; item: ProtectedVm; parent: { vault: Vault } }; points: RecoveryPoint[] }> {
  const services = await testFlowServices(env, []);
  const { cache } = services.azure();
  const vault = (await cache.vaults(subscriptionId)).find((candidate) => candidate.name === vaultName)!;
  const item = (await cache.protectedVms(vault)).find((candidate) => candidate.name === vmName);
  assert.ok(item, `no protected VM ${vmName}`);
  return { node: { id: item.id, item, parent: { vault } }, points: await cache.recoveryPoints(item) };
}

describe('restore command: which point', () => {
  it('on a recovery point, opens the form for that point without asking anything', async () => {
    const { node, points } = await vmNode(prod, 'prod-weu-vault', 'web-01');
    const point = points[1]!;
    const { opened } = await run([], { id: point.id, point, parent: node });
    assert.deepEqual(opened, [{ vaultId: node.parent.vault.id, itemId: node.item.id, pointId: point.id }]);
  });

  it('on a backed-up VM, asks which of its points of the last 30 days, newest first, with what each is', async () => {
    const { node, points } = await vmNode(prod, 'prod-weu-vault', 'web-01');
    let offered: string[] = [];
    const { opened, services } = await run([{ pickOne: 'Restore web-01', answer: (items) => ((offered = items.map((item) => `${item.label} — ${item.description}`)), items[0]!.value) }], node);
    assert.equal(offered.length, points.length + 1);
    assert.match(offered[0]!, / — (Application|File-system|Crash) consistent · (Snapshot|Snapshot and vault|Vault) · expires /);
    assert.match(offered.at(-1)!, /Other dates… — List the points of the days you choose$/);
    assert.deepEqual(opened, [{ vaultId: node.parent.vault.id, itemId: node.item.id, pointId: points[0]!.id }]);
    assert.equal(services.prompts.offered[0]!.title, 'Restore web-01');
  });

  it('lists the points of other dates when asked, and opens the form for one of them', async () => {
    const { node } = await vmNode(prod, 'prod-weu-vault', 'sql-01');
    const now = new Date();
    const start = dayText(new Date(now.getFullYear(), now.getMonth() - 6, now.getDate()));
    const end = dayText(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 40));
    let older: RecoveryPoint[] = [];
    const { opened } = await run([
      { pickOne: 'Restore sql-01', answer: label(/Other dates…/) },
      { input: 'Recovery points of sql-01: start date (1/2)', answer: start },
      { input: 'Recovery points of sql-01: end date (2/2)', answer: end },
      { pickOne: 'Restore sql-01', answer: (items) => ((older = items.flatMap((item) => (typeof item.value === 'object' ? [item.value as RecoveryPoint] : []))), older.at(-1)) },
    ], node);
    assert.ok(older.length > 0, 'the monthly points of those months');
    assert.ok(older.every((point) => point.time.getTime() < now.getTime() - 39 * 86_400_000), 'only points of the days asked for');
    assert.equal(opened[0]!.pointId, older.at(-1)!.id);
  });

  it('from the palette, asks the subscription, a VM whose backup data is there, then its point', async () => {
    let vms: string[] = [];
    const { opened } = await run([
      { pickOne: 'Restore', answer: label('Contoso Production') },
      { pickOne: 'Restore', answer: (items) => ((vms = items.map((item) => item.label)), items.find((item) => item.label === 'web-02')!.value) },
      { pickOne: 'Restore web-02', answer: (items) => items[0]!.value },
    ]);
    assert.ok(vms.includes('web-01') && vms.includes('web-02'), vms.join(', '));
    assert.match(opened[0]!.itemId, /web-02$/);
  });

  it('refuses a soft-deleted VM, and anything that is neither a point nor a VM', async () => {
    const { node } = await vmNode(demoSubscriptions.development, 'dev-neu-vault', 'legacy-api');
    const points = await (await testFlowServices(env, [])).azure().cache.recoveryPoints(node.item);
    const { opened } = await run([{ error: 'The backup of legacy-api is soft-deleted: undelete its backup data, then restore.' }], { id: points[0]?.id ?? 'x', point: points[0] ?? { id: 'x', name: 'x' }, parent: node });
    assert.deepEqual(opened, []);
    const other = await run([{ error: /^Restore works on a recovery point or a backed-up virtual machine/ }], { vault: node.parent.vault });
    assert.deepEqual(other.opened, []);
  });
});
