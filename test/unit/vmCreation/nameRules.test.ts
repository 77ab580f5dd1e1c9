import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computerNameFor, isNameTaken, networkResourceNameProblem, vmNameProblem } from '../../../src/vmCreation/nameRules';

describe('VM name rules', () => {
  it('Windows: 1–15 letters, digits and hyphens, not only digits', () => {
    for (const name of ['a', 'web-01', 'A1', 'x'.repeat(15), '1a']) assert.equal(vmNameProblem(name, 'Windows'), undefined, name);
    assert.equal(vmNameProblem('', 'Windows'), 'Virtual machine name is required: 1–15 letters, digits and hyphens.');
    assert.equal(vmNameProblem('x'.repeat(16), 'Windows'), 'Virtual machine name can be at most 15 characters for a Windows VM (it has 16): shorten it.');
    assert.equal(vmNameProblem('web_01', 'Windows'), "Virtual machine name can contain only letters, digits and hyphens for a Windows VM (not '_').");
    assert.equal(vmNameProblem('web.01', 'Windows'), "Virtual machine name can contain only letters, digits and hyphens for a Windows VM (not '.').");
    assert.equal(vmNameProblem('web 01', 'Windows'), "Virtual machine name can contain only letters, digits and hyphens for a Windows VM (not 'space').");
    assert.equal(vmNameProblem('12345', 'Windows'), 'Virtual machine name of a Windows VM cannot be only digits: add a letter.');
    assert.equal(vmNameProblem('web-', 'Windows'), "Virtual machine name cannot end with '-': end it with a letter or digit.");
  });

  it('Linux: 1–64 letters, digits, hyphens, underscores and periods; not starting with _, not ending with . or -', () => {
    for (const name of ['a', 'web_01.prod', 'x'.repeat(64), '12345', 'a_', '-a']) assert.equal(vmNameProblem(name, 'Linux'), undefined, name);
    assert.equal(vmNameProblem('', 'Linux'), 'Virtual machine name is required: 1–64 letters, digits, hyphens, underscores and periods.');
    assert.equal(vmNameProblem('x'.repeat(65), 'Linux'), 'Virtual machine name can be at most 64 characters for a Linux VM (it has 65): shorten it.');
    assert.equal(vmNameProblem('_web', 'Linux'), 'Virtual machine name cannot start with an underscore.');
    assert.equal(vmNameProblem('web.', 'Linux'), "Virtual machine name cannot end with '.': end it with a letter or digit.");
    assert.equal(vmNameProblem('web-', 'Linux'), "Virtual machine name cannot end with '-': end it with a letter or digit.");
    assert.equal(vmNameProblem('web@1', 'Linux'), "Virtual machine name can contain only letters, digits, hyphens, underscores and periods for a Linux VM (not '@').");
  });

  it('the host name drops what a Linux host name cannot hold', () => {
    assert.equal(computerNameFor('web_01', 'Linux'), 'web01');
    assert.equal(computerNameFor('web.prod_', 'Linux'), 'web.prod');
    assert.equal(computerNameFor('web-01', 'Windows'), 'web-01');
  });

  it('taken names compare ignoring case', () => {
    assert.equal(isNameTaken('WEB-01', ['web-01']), true);
    assert.equal(isNameTaken('web-04', ['web-01']), false);
    assert.equal(isNameTaken('web-04', undefined), false);
  });

  it('network resource names: alphanumerics, _ . -, starting alphanumeric, ending alphanumeric or _', () => {
    for (const name of ['a', 'vm_nsg', 'web-01.nic', 'x'.repeat(80), 'ip_']) assert.equal(networkResourceNameProblem('publicIp', name), undefined, name);
    assert.equal(networkResourceNameProblem('subnet', ''), 'Subnet name is required: 1–80 letters, digits, underscores, periods and hyphens.');
    assert.equal(networkResourceNameProblem('networkInterface', 'x'.repeat(81)), 'Network interface name must be 1–80 characters long (it has 81).');
    assert.equal(networkResourceNameProblem('virtualNetwork', 'v'), 'Virtual network name must be 2–64 characters long (it has 1).');
    assert.equal(networkResourceNameProblem('virtualNetwork', 'x'.repeat(65)), 'Virtual network name must be 2–64 characters long (it has 65).');
    assert.equal(networkResourceNameProblem('networkSecurityGroup', '-nsg'), "Network security group name must start with a letter or digit (it starts with '-').");
    assert.equal(networkResourceNameProblem('networkSecurityGroup', 'nsg.'), "Network security group name must end with a letter, digit or underscore (it ends with '.').");
    assert.equal(networkResourceNameProblem('publicIp', 'my ip'), "Public IP address name can contain only letters, digits, underscores, periods and hyphens (not 'space').");
  });
});
