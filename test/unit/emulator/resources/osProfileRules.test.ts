import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adminUsernameProblem, computerNameProblem, osProfileProblem, passwordProblem } from '../../../../emulator/resources/compute/osProfileRules';

const target = (error: { target?: string } | undefined) => error?.target;

describe('a VM’s OS profile rules', () => {
  it('takes Windows computer names of 1-15 characters, not all digits, without Azure’s forbidden characters', () => {
    assert.equal(computerNameProblem('web-01', 'Windows'), undefined);
    assert.equal(computerNameProblem('a23456789012345', 'Windows'), undefined);
    for (const bad of ['a234567890123456', '12345', 'web_01', 'web.01', 'web 01', '']) assert.equal(target(computerNameProblem(bad, 'Windows')), 'computerName', bad);
  });

  it('takes Linux host names of 1-64 characters (periods allowed)', () => {
    assert.equal(computerNameProblem('web.contoso-01', 'Linux'), undefined);
    assert.equal(computerNameProblem('a'.repeat(64), 'Linux'), undefined);
    for (const bad of ['a'.repeat(65), 'web_01', 'web@01', '']) assert.equal(target(computerNameProblem(bad, 'Linux')), 'computerName', bad);
  });

  it('refuses the administrator names Azure refuses, whatever their case', () => {
    for (const refused of ['admin', 'Administrator', 'ROOT', 'user', 'guest', 'test1', 'sa', 'support_388945a0']) {
      const error = adminUsernameProblem(refused, 'Linux');
      assert.deepEqual([error?.code, error?.message, target(error)], ['InvalidParameter', 'The Admin Username specified is not allowed.', 'adminUsername'], refused);
    }
    assert.equal(adminUsernameProblem('azureuser', 'Linux'), undefined);
    assert.equal(adminUsernameProblem('contosoadmin', 'Windows'), undefined);
    assert.equal(target(adminUsernameProblem('a'.repeat(21), 'Windows')), 'adminUsername', 'Windows names are at most 20 characters');
    assert.equal(target(adminUsernameProblem('ops.', 'Windows')), 'adminUsername');
    assert.equal(target(adminUsernameProblem('ops@contoso', 'Windows')), 'adminUsername');
    assert.equal(adminUsernameProblem('a'.repeat(21), 'Linux'), undefined);
  });

  it('wants three of four character kinds, 8-123 characters on Windows and 6-72 on Linux, and no control characters', () => {
    assert.equal(passwordProblem('Abcdef1!', 'Windows'), undefined);
    assert.equal(passwordProblem('abc12!', 'Linux'), undefined, 'lower, digit, special: three kinds');
    assert.equal(target(passwordProblem('Abc1!xy', 'Windows')), 'adminPassword', 'seven characters are too few on Windows');
    assert.equal(target(passwordProblem('password', 'Linux')), 'adminPassword', 'one kind');
    assert.equal(target(passwordProblem('Password', 'Linux')), 'adminPassword', 'two kinds');
    assert.equal(target(passwordProblem('Ab1!'.repeat(19), 'Linux')), 'adminPassword', '76 characters are too many on Linux');
    assert.equal(target(passwordProblem('Abc123\u0007x', 'Linux')), 'adminPassword');
    assert.match(passwordProblem('short', 'Windows')!.message, /^The supplied password must be between 8-123 characters long/);
  });

  it('needs a password on Windows, and on Linux unless SSH keys replace it', () => {
    assert.equal(target(osProfileProblem({ computerName: 'win', adminUsername: 'contosoadmin' }, 'Windows')), 'adminPassword');
    const keys = { disablePasswordAuthentication: true, ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAA' }] } };
    assert.equal(osProfileProblem({ computerName: 'lin', adminUsername: 'azureuser', linuxConfiguration: keys }, 'Linux'), undefined);
    assert.equal(target(osProfileProblem({ computerName: 'lin', adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: true } }, 'Linux')), 'linuxConfiguration');
    assert.equal(target(osProfileProblem({ computerName: 'lin', adminUsername: 'azureuser' }, 'Linux')), 'adminPassword');
    assert.equal(target(osProfileProblem({ adminUsername: 'azureuser', adminPassword: 'Abcdef1!' }, 'Linux')), 'computerName');
  });
});
