import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSshPublicKey, sshPublicKeyProblem } from '../../../src/vmCreation/sshPublicKey';
import { ed25519PublicKey, rsaPublicKey } from './vmFixtures';

describe('SSH public keys', () => {
  it('accepts RSA keys of 2048 bits or more and ed25519 keys, with their size and comment', () => {
    assert.deepEqual(parseSshPublicKey(rsaPublicKey(2048, 'ana@laptop')), { type: 'ssh-rsa', bits: 2048, comment: 'ana@laptop' });
    assert.deepEqual(parseSshPublicKey(`  ${rsaPublicKey(3072, 'two words')}\n`), { type: 'ssh-rsa', bits: 3072, comment: 'two words' });
    assert.deepEqual(parseSshPublicKey(ed25519PublicKey('')), { type: 'ssh-ed25519', bits: 256, comment: '' });
  });

  it('refuses an RSA key under 2048 bits with the fix', () => {
    assert.equal(sshPublicKeyProblem(rsaPublicKey(1024)), 'SSH public key is an RSA key of 1024 bits: Azure needs at least 2048 bits (make one with ssh-keygen -t rsa -b 4096, or use ed25519).');
  });

  it('says a pasted private key is private', () => {
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';
    const expected = 'SSH public key: this is a PRIVATE key, which must never leave your computer. Instead paste the one-line public key (the .pub file), starting with ssh-rsa or ssh-ed25519.';
    assert.equal(sshPublicKeyProblem(pem), expected);
    assert.equal(sshPublicKeyProblem('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----'), expected);
    assert.equal(sshPublicKeyProblem('PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none'), expected);
  });

  it('names the problem of other pastes', () => {
    assert.equal(sshPublicKeyProblem(''), 'SSH public key is required: paste the one-line public key (the .pub file), starting with ssh-rsa or ssh-ed25519.');
    assert.match(sshPublicKeyProblem('---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----')!, /SSH2 \(RFC 4716\) format: convert it with `ssh-keygen -i -f key.pub`/);
    assert.equal(sshPublicKeyProblem('ecdsa-sha2-nistp256 AAAAE2VjZHNh x'), 'SSH public key of type ecdsa-sha2-nistp256 (ECDSA) is not supported by Azure: use an RSA key of at least 2048 bits or an ed25519 key.');
    assert.match(sshPublicKeyProblem('ssh-dss AAAAB3 x')!, /ssh-dss \(DSA\) is not supported/);
    assert.equal(sshPublicKeyProblem('hello world'), "SSH public key must start with ssh-rsa or ssh-ed25519 (it starts with 'hello'): paste the one-line public key (the .pub file), starting with ssh-rsa or ssh-ed25519.");
    assert.equal(sshPublicKeyProblem('ssh-rsa'), "SSH public key has no key data after 'ssh-rsa': the paste is incomplete.");
    assert.equal(sshPublicKeyProblem('ssh-rsa not*base64 x'), 'SSH public key data is not valid base64: the paste is damaged or incomplete; copy the whole line again.');
    assert.equal(sshPublicKeyProblem(`${ed25519PublicKey()}\n${ed25519PublicKey()}`), 'SSH public key: paste exactly one key (one line); this text has several lines.');
  });

  it('reads the blob: a truncated key or a blob of another type is damaged', () => {
    const [type, blob] = rsaPublicKey(2048).split(' ');
    const truncated = blob.slice(0, 200);
    assert.equal(sshPublicKeyProblem(`${type} ${truncated}`), 'SSH public key data is damaged or incomplete: copy the whole line again.');
    const edBlob = ed25519PublicKey().split(' ')[1];
    assert.equal(sshPublicKeyProblem(`ssh-rsa ${edBlob}`), "SSH public key says 'ssh-rsa' but its data holds a 'ssh-ed25519' key: copy the line unchanged.");
    assert.equal(sshPublicKeyProblem(`ssh-ed25519 ${Buffer.from('garbage that is not a key').toString('base64')}`), 'SSH public key data is damaged or incomplete: copy the whole line again.');
  });
});
