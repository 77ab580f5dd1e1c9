import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminPasswordProblem, adminUsernameProblem, disallowedAdminPasswords, disallowedAdminUsernames } from '../../../src/vmCreation/credentialRules';

describe('administrator user name rules', () => {
  it('Windows: 1–20 characters, none of \\/"[]:|<>+=;,?*@, not ending in a period', () => {
    for (const name of ['azureuser', 'B', 'x'.repeat(20), 'Ops.Admin_1', 'DOMAIN-ops']) assert.equal(adminUsernameProblem(name, 'Windows'), undefined, name);
    assert.equal(adminUsernameProblem('', 'Windows'), 'Administrator user name is required: 1–20 characters.');
    assert.equal(adminUsernameProblem('x'.repeat(21), 'Windows'), 'Administrator user name can be at most 20 characters on Windows (it has 21).');
    assert.equal(adminUsernameProblem('ops@corp', 'Windows'), "Administrator user name cannot contain any of \\ / \" [ ] : | < > + = ; , ? * @ (it has '@').");
    assert.equal(adminUsernameProblem('ops.', 'Windows'), 'Administrator user name of a Windows VM cannot end with a period.');
    assert.equal(adminUsernameProblem('ops admin', 'Windows'), 'Administrator user name cannot contain spaces.');
  });

  it('Linux: 1–32 lower-case letters, digits, . _ -, starting with a letter or underscore', () => {
    for (const name of ['azureuser', 'a1', '_svc', 'ops.admin-1', 'x'.repeat(32)]) assert.equal(adminUsernameProblem(name, 'Linux'), undefined, name);
    assert.equal(adminUsernameProblem('x'.repeat(33), 'Linux'), 'Administrator user name can be at most 32 characters on Linux (it has 33).');
    assert.equal(adminUsernameProblem('AzureUser', 'Linux'), 'Administrator user name of a Linux VM must be in lower case (Linux user names have no capitals).');
    assert.equal(adminUsernameProblem('ops#1', 'Linux'), "Administrator user name of a Linux VM can contain only lower-case letters, digits, periods, underscores and hyphens (not '#').");
    assert.equal(adminUsernameProblem('$ops', 'Linux'), "Administrator user name of a Linux VM can contain only lower-case letters, digits, periods, underscores and hyphens (not '$').");
    assert.equal(adminUsernameProblem('-ops', 'Linux'), "Administrator user name of a Linux VM must start with a letter or an underscore (not '-').");
    assert.equal(adminUsernameProblem('1ops', 'Linux'), "Administrator user name of a Linux VM must start with a letter or an underscore (not '1').");
  });

  it("refuses every name on Azure's list, ignoring case", () => {
    assert.equal(disallowedAdminUsernames.length, 32);
    for (const name of disallowedAdminUsernames) {
      const problem = adminUsernameProblem(name, 'Windows');
      assert.equal(problem, `Administrator user name '${name}' is reserved and refused by Azure (like admin, administrator, root, user, guest): choose another, e.g. azureuser.`);
    }
    assert.match(adminUsernameProblem('Administrator', 'Windows')!, /'Administrator' is reserved/);
    assert.match(adminUsernameProblem('root', 'Linux')!, /'root' is reserved/);
    assert.match(adminUsernameProblem('support_388945a0', 'Linux')!, /reserved/);
  });
});

describe('administrator password rules', () => {
  it('Windows: 12–123 characters; Linux: 6–72', () => {
    assert.equal(adminPasswordProblem('Abcdefghij1!', 'Windows'), undefined);
    assert.equal(adminPasswordProblem(`Ab1${'x'.repeat(120)}`, 'Windows'), undefined);
    assert.equal(adminPasswordProblem('Abcdefghi1!', 'Windows'), 'Password must be 12–123 characters long for a Windows VM (it has 11).');
    assert.equal(adminPasswordProblem(`Ab1${'x'.repeat(121)}`, 'Windows'), 'Password must be 12–123 characters long for a Windows VM (it has 124).');
    assert.equal(adminPasswordProblem('Abc12!', 'Linux'), undefined);
    assert.equal(adminPasswordProblem('Ab1!x', 'Linux'), 'Password must be 6–72 characters long for a Linux VM (it has 5).');
    assert.equal(adminPasswordProblem(`Ab1${'x'.repeat(70)}`, 'Linux'), 'Password must be 6–72 characters long for a Linux VM (it has 73).');
    assert.equal(adminPasswordProblem('', 'Linux'), 'Password is required: 6–72 characters with 3 of lower case, upper case, digit and special character.');
  });

  it('needs 3 of lower case, upper case, digit and special character ([\\W_] counts as special)', () => {
    assert.equal(adminPasswordProblem('abcdefghijk1!', 'Windows'), undefined, 'lower, digit, special');
    assert.equal(adminPasswordProblem('ABCDEFGHIJK_1', 'Windows'), undefined, 'underscore is special');
    assert.equal(adminPasswordProblem('abcdefghijkl1', 'Windows'), 'Password must have 3 of: lower-case letter, upper-case letter, digit, special character (it has 2): add an upper-case letter or a special character.');
    assert.equal(adminPasswordProblem('abcdefghijklm', 'Windows'), 'Password must have 3 of: lower-case letter, upper-case letter, digit, special character (it has 1): add two of an upper-case letter, a digit or a special character.');
  });

  it("refuses Azure's disallowed passwords even when complex enough", () => {
    for (const password of disallowedAdminPasswords.filter((candidate) => candidate.length >= 6)) {
      assert.equal(adminPasswordProblem(password, 'Linux'), 'Password is one Azure refuses as too common: choose another.', password);
    }
    assert.equal(disallowedAdminPasswords.length, 10);
  });
});
