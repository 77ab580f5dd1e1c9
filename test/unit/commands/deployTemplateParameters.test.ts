import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlowServices } from '../../../src/commands/services';
import { isParametersFileFor, parametersFileValues, parseJsonWithComments, readTemplate, templateParameters } from '../../../src/commands/templateDocument';
import { askTemplateParameters, valueProblem } from '../../../src/commands/templateParameterPrompts';
import type { InputOptions } from '../../../src/ui/userPrompts';
import { label, scriptedPrompts, type ScriptStep } from '../../support/scriptedPrompts';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** FlowServices with only prompts and a log: parameter prompting reaches nothing else. */
function promptServices(script: ScriptStep[]): { services: FlowServices; inputs: InputOptions[]; logged: string[]; done(): void } {
  const prompts = scriptedPrompts(script);
  const inputs: InputOptions[] = [];
  const input = prompts.input.bind(prompts);
  prompts.input = (options) => {
    inputs.push(options);
    return input(options);
  };
  const logged: string[] = [];
  const services = {
    prompts,
    log: { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line), error: (line: string) => logged.push(String(line)) },
    azure: () => assert.fail('parameter prompts reach no Azure service'),
  } as unknown as FlowServices;
  return { services, inputs, logged, done: () => prompts.assertDone() };
}

const template = {
  $schema: schema,
  contentVersion: '1.0.0.0',
  parameters: {
    vmName: { type: 'string', maxLength: 15, metadata: { description: 'Name of the virtual machine.' } },
    vmSize: { type: 'string', defaultValue: 'Standard_D2s_v5', allowedValues: ['Standard_B2s', 'Standard_D2s_v5'] },
    location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    instanceCount: { type: 'int', defaultValue: 2, minValue: 1, maxValue: 5 },
    enableBackup: { type: 'bool', defaultValue: true },
    adminPassword: { type: 'secureString', minLength: 12 },
    tags: { type: 'object', defaultValue: {} },
    existingVirtualMachines: { type: 'array' },
  },
  resources: [],
};

describe('template parameters asked one by one', () => {
  it('offers allowed values and bools as picks (default first), literal defaults accepted with Enter, expressions left to Azure, secure values masked', async () => {
    const declared = templateParameters(template);
    const { services, inputs, done } = promptServices([
      { input: 'Deploy vm.json: vmName (1 of 8)', answer: 'vm-web-01', refuses: [{ value: 'a-very-long-vm-name', message: 'vmName takes at most 15 characters.' }, { value: '', message: 'Enter a value for vmName.' }] },
      { pickOne: 'Deploy vm.json: vmSize (2 of 8)', answer: label('Standard_B2s') },
      { input: 'Deploy vm.json: location (3 of 8)', answer: '' },
      {
        input: 'Deploy vm.json: instanceCount (4 of 8)',
        answer: '2',
        refuses: [
          { value: 'two', message: 'instanceCount is a whole number (int): enter digits only, such as 3.' },
          { value: '2.5', message: /whole number/ },
          { value: '0', message: 'instanceCount must be at least 1.' },
          { value: '6', message: 'instanceCount must be at most 5.' },
        ],
      },
      { pickOne: 'Deploy vm.json: enableBackup (5 of 8)', answer: label('false') },
      { input: 'Deploy vm.json: adminPassword (6 of 8)', answer: 'Correct-Horse-9', refuses: [{ value: 'short', message: 'adminPassword needs at least 12 characters.' }] },
      { input: 'Deploy vm.json: tags (7 of 8)', answer: '{"env":"test"}', refuses: [{ value: '["a"]', message: /tags is an object/ }, { value: '{oops', message: /tags is an object/ }] },
      { input: 'Deploy vm.json: existingVirtualMachines (8 of 8)', answer: '["vm-a","vm-b"]', refuses: [{ value: '"vm-a"', message: /is an array/ }] },
    ]);
    const answers = await askTemplateParameters(services, declared, {}, 'Deploy vm.json');
    done();
    assert.deepEqual(answers, {
      parameters: {
        vmName: { value: 'vm-web-01' },
        vmSize: { value: 'Standard_B2s' },
        enableBackup: { value: false },
        adminPassword: { value: 'Correct-Horse-9' },
        tags: { value: { env: 'test' } },
        existingVirtualMachines: { value: ['vm-a', 'vm-b'] },
      },
      secureParameterNames: ['adminPassword'],
    });
    const byTitle = (name: string) => inputs.find((options) => options.title.includes(`: ${name} (`))!;
    assert.equal(byTitle('vmName').prompt, 'Name of the virtual machine.');
    assert.equal(byTitle('location').value, '', 'an expression default is not typed in for the user');
    assert.match(byTitle('location').prompt ?? '', /Leave empty for the default, \[resourceGroup\(\)\.location\], which Azure works out when it deploys\./);
    assert.equal(byTitle('instanceCount').value, '2', 'a literal default is shown to accept with Enter');
    assert.equal(byTitle('adminPassword').password, true, 'masked');
    assert.equal(byTitle('adminPassword').value, '', 'never prefilled');
    assert.equal(byTitle('vmName').password, false);
  });

  it('puts the default first among allowed values and answers it as "use the default" (nothing sent)', async () => {
    const { services, done } = promptServices([{ pickOne: /vmSize/, answer: (items) => items[0]!.value }]);
    const declared = templateParameters(template).filter((parameter) => parameter.name === 'vmSize');
    const answers = await askTemplateParameters(services, declared, {}, 'Deploy vm.json');
    done();
    assert.deepEqual(answers?.parameters, {});
  });

  it('asks only what the parameters file lacks, and sends the file values as they are', async () => {
    const { services, done } = promptServices([{ input: 'Deploy vm.json: adminPassword (1 of 1)', answer: 'Correct-Horse-9' }]);
    const declared = templateParameters(template);
    const given = { vmName: { value: 'vm-file' }, VMSIZE: { value: 'Standard_B2s' }, location: { value: 'northeurope' }, instanceCount: { value: 3 }, enableBackup: { value: true }, tags: { value: {} }, existingVirtualMachines: { value: [] } };
    const answers = await askTemplateParameters(services, declared, given, 'Deploy vm.json');
    done();
    assert.equal(answers?.parameters['vmName']?.value, 'vm-file');
    assert.equal(answers?.parameters['vmSize']?.value, 'Standard_B2s', 'names match without case');
    assert.equal(answers?.parameters['adminPassword']?.value, 'Correct-Horse-9');
  });

  it('stops at the first cancelled question', async () => {
    const { services, done } = promptServices([{ input: /vmName/, answer: undefined }]);
    assert.equal(await askTemplateParameters(services, templateParameters(template), {}, 'Deploy vm.json'), undefined);
    done();
  });

  it('never quotes what was typed in a secure value\'s problem', () => {
    const [password] = templateParameters(template).filter((parameter) => parameter.name === 'adminPassword');
    const problem = valueProblem(password!, 'hunter2');
    assert.ok(problem && !problem.includes('hunter2'), problem);
  });
});

describe('template files', () => {
  it('reads JSON with // and /* */ comments, leaving comment-like text in strings alone', () => {
    const text = `{
      // a line comment
      "$schema": "${schema}", /* a block
      comment */ "url": "https://example.com/a//b/*c*/",
      "escaped": "quote \\" // not a comment",
      "resources": []
    }`;
    assert.deepEqual(parseJsonWithComments(text), { $schema: schema, url: 'https://example.com/a//b/*c*/', escaped: 'quote " // not a comment', resources: [] });
  });

  it('refuses what is not a resource-group template, saying what it is', () => {
    const problem = (json: unknown, name = 'file.json') => {
      const read = readTemplate(typeof json === 'string' ? json : JSON.stringify(json), name);
      return 'problem' in read ? read.problem : undefined;
    };
    assert.equal(problem({ name: 'my-package', version: '1.0.0' }, 'package.json'), 'package.json is not an Azure Resource Manager deployment template: a template has a $schema ending in deploymentTemplate.json and a resources section.');
    assert.match(problem({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: {} }, 'vm.parameters.json')!, /^vm\.parameters\.json is a parameters file\. Run Deploy Template on the template it belongs to/);
    assert.match(problem({ $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', resources: [] })!, /deploys at subscription scope/);
    assert.match(problem({ $schema: schema })!, /not an Azure Resource Manager deployment template/);
    assert.match(problem('{ "$schema": ')!, /^file\.json is not valid JSON: /);
    assert.equal(problem({ $schema: schema, resources: {} }), undefined, 'languageVersion 2.0 names its resources in an object');
  });

  it('finds the parameters file by Azure\'s naming', () => {
    assert.ok(isParametersFileFor('azuredeploy.json', 'azuredeploy.parameters.json'));
    assert.ok(isParametersFileFor('vm.json', 'vm.parameters.dev.json'));
    assert.ok(isParametersFileFor('AzureDeploy.json', 'azuredeploy.PARAMETERS.json'));
    assert.ok(!isParametersFileFor('vm.json', 'vm2.parameters.json'));
    assert.ok(!isParametersFileFor('vm.json', 'vm.json'));
  });

  it('reads a parameters file, naming Key Vault references apart', () => {
    const text = JSON.stringify({ parameters: { vmName: { value: 'vm-a' }, adminPassword: { reference: { keyVault: { id: '/kv' }, secretName: 'pw' } } } });
    assert.deepEqual(parametersFileValues(text, 'vm.parameters.json'), { values: { vmName: { value: 'vm-a' } }, references: ['adminPassword'] });
    assert.deepEqual(parametersFileValues('{}', 'x.json'), { problem: 'x.json is not a parameters file: it has no parameters section.' });
  });
});
