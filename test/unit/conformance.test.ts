import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { RecordedExchange } from '../support/conformance';
import { createConformanceChecker, formatReport, specsAvailable, specsFolder } from '../support/conformance';

interface ExampleFile {
  parameters: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string | number>; body?: unknown }>;
}

const BACKUP = 'specification/recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/stable';
const VAULTS = 'specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable';
const ORIGIN = 'https://127.0.0.1:4443';

function example(relative: string): ExampleFile {
  return JSON.parse(fs.readFileSync(path.join(specsFolder, relative), 'utf8')) as ExampleFile;
}

function param(file: ExampleFile, name: string): string {
  return encodeURIComponent(String(file.parameters[name]));
}

function stringHeaders(headers: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

function vaultUrl(file: ExampleFile): string {
  return `${ORIGIN}/subscriptions/${param(file, 'subscriptionId')}/resourceGroups/${param(file, 'resourceGroupName')}/providers/Microsoft.RecoveryServices/vaults/${param(file, 'vaultName')}`;
}

/** Backups_Trigger replayed from the 2023-02-01 example as the SDK's api-version 2023-06-01 (names sent as %3B). */
function triggerBackup(): RecordedExchange {
  const file = example(`${BACKUP}/2023-02-01/examples/Common/TriggerBackup_Post.json`);
  const item = `backupFabrics/${param(file, 'fabricName')}/protectionContainers/${param(file, 'containerName')}/protectedItems/${param(file, 'protectedItemName')}`;
  const response = file.responses['202'];
  assert.ok(response);
  return {
    method: 'POST',
    url: `${vaultUrl(file)}/${item}/backup?api-version=2023-06-01`,
    requestHeaders: { 'Content-Type': 'application/json', Authorization: 'Bearer x', 'x-ms-client-request-id': 'r1' },
    requestBody: file.parameters['parameters'],
    status: 202,
    responseHeaders: { ...stringHeaders(response.headers), 'x-ms-request-id': 'q1' },
  };
}

function getVault(): RecordedExchange {
  const file = example(`${VAULTS}/2024-04-01/examples/GETVault.json`);
  return {
    method: 'GET',
    url: `${vaultUrl(file)}?api-version=2024-04-01`,
    requestHeaders: { accept: 'application/json' },
    status: 200,
    responseHeaders: { 'Content-Type': 'application/json; charset=utf-8' },
    responseBody: file.responses['200']?.body,
  };
}

/** BackupJobs_List from the 2023-02-01 example, replayed as 2023-06-01; `mutate` breaks the first job. */
function listJobs(mutate: (job: Record<string, unknown>) => void = () => {}): RecordedExchange {
  const file = example(`${BACKUP}/2023-02-01/examples/Common/ListJobs.json`);
  const body = structuredClone(file.responses['200']?.body) as { value: { properties: Record<string, unknown> }[] };
  const first = body.value[0];
  assert.ok(first);
  mutate(first.properties);
  return {
    method: 'GET',
    url: `${vaultUrl(file)}/backupJobs?api-version=2023-06-01`,
    requestHeaders: {},
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: body,
  };
}

test('conformance of recorded traffic with the Azure REST API specs', async (t) => {
  if (!specsAvailable()) {
    t.skip(`Azure specs not found at ${specsFolder} (set AZURE_SPECS_DIR to check conformance)`);
    return;
  }
  const started = Date.now();
  const checker = await createConformanceChecker();
  t.diagnostic(`oav LiveValidator initialised in ${Date.now() - started} ms`);

  await t.test('correct traffic replayed from example files has no violations and is covered', async () => {
    const trigger = triggerBackup();
    assert.match(trigger.url, /%3B/, 'the container name is sent percent-encoded, as the SDK does');
    const semicolons = { ...trigger, url: decodeURIComponent(trigger.url) };
    const lowerCase = { ...trigger, url: trigger.url.replace(/%3B/g, '%3b').replace('/subscriptions/', '/Subscriptions/') };
    const deleteFile = example(`${BACKUP}/2023-04-01/examples/Common/ProtectedItem_Delete.json`);
    const itemUrl = `${vaultUrl(deleteFile)}/backupFabrics/Azure/protectionContainers/${param(deleteFile, 'containerName')}/protectedItems/${param(deleteFile, 'protectedItemName')}?api-version=2023-06-01`;
    const deleteAccepted: RecordedExchange = {
      method: 'DELETE',
      url: itemUrl,
      requestHeaders: {},
      status: 202,
      responseHeaders: stringHeaders(deleteFile.responses['202']?.headers),
    };
    const deleteNoContent: RecordedExchange = { ...deleteAccepted, status: 204, responseHeaders: {} };
    const exchanges = [trigger, semicolons, lowerCase, getVault(), listJobs(), deleteAccepted, deleteNoContent];
    const before = structuredClone(exchanges);

    const report = await checker.check(exchanges);

    assert.deepEqual(report.violations, [], formatReport(report));
    assert.deepEqual(report.unknown, []);
    assert.equal(report.checked, exchanges.length);
    assert.deepEqual(report.covered, [
      'BackupJobs_List 200',
      'Backups_Trigger 202',
      'ProtectedItems_Delete 202',
      'ProtectedItems_Delete 204',
      'Vaults_Get 200',
    ]);
    assert.deepEqual(exchanges, before, 'check() leaves the recordings untouched');
  });

  await t.test('a response missing a required property or with a wrong type is a violation', async () => {
    const report = await checker.check([
      listJobs((job) => delete job['jobType']),
      listJobs((job) => {
        job['entityFriendlyName'] = 42;
      }),
    ]);

    assert.equal(report.checked, 2);
    assert.ok(report.violations.length >= 2, formatReport(report));
    for (const v of report.violations) {
      assert.equal(v.operationId, 'BackupJobs_List');
      assert.equal(v.where, 'response');
      assert.equal(v.status, 200);
      assert.equal(v.method, 'GET');
      assert.match(v.path, /\/backupJobs$/);
    }
    const missing = report.violations.find((v) => v.code === 'OBJECT_MISSING_REQUIRED_PROPERTY');
    assert.equal(missing?.jsonPath, '$.value[0].properties.jobType', formatReport(report));
    const wrongType = report.violations.find((v) => v.code === 'INVALID_TYPE');
    assert.equal(wrongType?.jsonPath, '$.value[0].properties.entityFriendlyName', formatReport(report));
    assert.deepEqual(report.covered, ['BackupJobs_List 200']);
  });

  await t.test('a request body that breaks the spec is a request violation', async () => {
    const report = await checker.check([{ ...triggerBackup(), requestBody: { properties: { objectType: 5 } } }]);
    assert.ok(report.violations.length > 0, formatReport(report));
    assert.ok(report.violations.every((v) => v.where === 'request' && v.operationId === 'Backups_Trigger'));
    assert.ok(report.violations.some((v) => v.code === 'INVALID_TYPE' && v.jsonPath === '$.properties.objectType'));
  });

  await t.test('a GET answered without its body is a violation', async () => {
    const report = await checker.check([{ ...getVault(), responseHeaders: {}, responseBody: undefined }]);
    assert.deepEqual(
      report.violations.map((v) => `${v.operationId} ${v.where} ${v.code}`),
      ['Vaults_Get response INVALID_RESPONSE_BODY'],
      formatReport(report),
    );
  });

  await t.test('a body-less LRO 202 passes even where the spec declares a 202 body, but needs Location', async () => {
    const accepted: RecordedExchange = {
      method: 'PUT',
      url: `${ORIGIN}/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachineScaleSets/ss1/virtualMachines/0?api-version=2026-03-01`,
      requestHeaders: {},
      requestBody: { location: 'westeurope' },
      status: 202,
      responseHeaders: { location: `${ORIGIN}/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Compute/locations/westeurope/operations/op1?api-version=2026-03-01` },
    };
    const good = await checker.check([accepted]);
    assert.deepEqual(good.violations, [], formatReport(good));
    assert.deepEqual(good.covered, ['VirtualMachineScaleSetVMs_Update 202']);

    // Same answer without Location/Azure-AsyncOperation: a client could not poll it (oav's ARM LRO rule).
    const bad = await checker.check([{ ...accepted, responseHeaders: {} }]);
    assert.deepEqual(
      bad.violations.map((v) => `${v.operationId} ${v.where} ${v.code}`),
      ['VirtualMachineScaleSetVMs_Update response LRO_RESPONSE_HEADER'],
      formatReport(bad),
    );
  });

  await t.test('an api-version with no spec goes to unknown, not to violations', async () => {
    const vault = getVault();
    const resourceGroup: RecordedExchange = {
      method: 'GET',
      url: `${ORIGIN}/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1?api-version=2025-04-01`,
      requestHeaders: {},
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: { location: 'westeurope' },
    };
    const report = await checker.check([
      { ...vault, url: vault.url.replace('2024-04-01', '2099-01-01') },
      resourceGroup,
      resourceGroup,
    ]);

    assert.deepEqual(report.violations, []);
    assert.equal(report.checked, 0);
    assert.deepEqual(report.covered, []);
    assert.deepEqual(report.unknown, [
      {
        method: 'GET',
        path: '/subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/Default-RecoveryServices-ResourceGroup/providers/Microsoft.RecoveryServices/vaults/swaggerExample',
        apiVersion: '2099-01-01',
      },
      { method: 'GET', path: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1', apiVersion: '2025-04-01' },
    ]);
  });

  await t.test('error responses validate against the default (CloudError) response', async () => {
    const armError = (code: string) => ({ error: { code, message: `${code}: not here.` } });
    const notFound = (url: string, body: unknown): RecordedExchange => ({
      method: 'GET',
      url,
      requestHeaders: {},
      status: 404,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: body,
    });
    const subscriptionUrl = `${ORIGIN}/subscriptions/00000000-0000-0000-0000-000000000000?api-version=2022-12-01`;
    const good = await checker.check([
      notFound(getVault().url, armError('ResourceNotFound')),
      notFound(listJobs().url.replace('/backupJobs?', '/backupJobs/job1?'), armError('ResourceNotFound')),
      // subscriptions.json's CloudError double-wraps the error; ARM's real single-wrapped shape must still pass.
      notFound(subscriptionUrl, armError('SubscriptionNotFound')),
      { ...notFound(getVault().url, armError('TooManyRequests')), status: 429 },
    ]);
    assert.deepEqual(good.violations, [], formatReport(good));
    assert.deepEqual(good.covered, ['JobDetails_Get 404', 'Subscriptions_Get 404', 'Vaults_Get 404', 'Vaults_Get 429']);

    const bad = await checker.check([
      notFound(getVault().url, { code: 'ResourceNotFound', message: 'not wrapped in "error"' }),
      notFound(subscriptionUrl, { error: { code: 404, message: 'code must be a string' } }),
    ]);
    assert.deepEqual(
      bad.violations.map((v) => `${v.operationId} ${v.code} ${v.jsonPath}`),
      [
        'Vaults_Get OBJECT_ADDITIONAL_PROPERTIES $.code',
        'Vaults_Get OBJECT_ADDITIONAL_PROPERTIES $.message',
        'Subscriptions_Get INVALID_TYPE $.error.code',
      ],
      formatReport(bad),
    );
  });

  await t.test('formatReport lists counts, covered pairs and one line per violation', async () => {
    const report = await checker.check([getVault(), listJobs((job) => delete job['jobType'])]);
    const text = formatReport(report);
    assert.match(text, new RegExp(`^Conformance: 2 exchange\\(s\\) checked.*${report.violations.length} violation`));
    assert.match(text, /^ {2}Vaults_Get 200$/m);
    assert.match(text, /^ {2}BackupJobs_List 200$/m);
    const violationLines = text.split('\n').filter((line) => line.startsWith('  BackupJobs_List GET '));
    assert.equal(violationLines.length, report.violations.length);
    assert.ok(violationLines.some((line) => line.includes('$.value[0].properties.jobType')));
  });
});
