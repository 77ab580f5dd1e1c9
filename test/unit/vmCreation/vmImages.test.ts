import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultOsDiskType, defaultVmSize, imageReferenceProblem, imageUrn, osDiskTypeInfo, parseImageUrn, popularImageFor, popularImages, sizeSupportsPremiumDisks,
} from '../../../src/vmCreation/vmImages';

describe('VM images', () => {
  it('offers the popular images with their real URNs and OS types', () => {
    assert.deepEqual(popularImages.map((image) => [imageUrn(image.image), image.osType, image.generation]), [
      ['Canonical:ubuntu-24_04-lts:server:latest', 'Linux', 'V2'],
      ['Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest', 'Linux', 'V2'],
      ['Debian:debian-12:12-gen2:latest', 'Linux', 'V2'],
      ['RedHat:RHEL:9-lvm-gen2:latest', 'Linux', 'V2'],
      ['MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest', 'Windows', 'V2'],
      ['MicrosoftWindowsServer:WindowsServer:2019-datacenter-gensecond:latest', 'Windows', 'V2'],
    ]);
    assert.equal(new Set(popularImages.map((image) => image.id)).size, popularImages.length);
  });

  it('parses a URN, and says which part is wrong', () => {
    assert.deepEqual(parseImageUrn(' Canonical:ubuntu-24_04-lts:server:24.04.202501010 '), { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '24.04.202501010' });
    assert.deepEqual(parseImageUrn('debian:debian-12:12-gen2:latest'), { publisher: 'debian', offer: 'debian-12', sku: '12-gen2', version: 'latest' });
    assert.deepEqual(parseImageUrn(''), { problem: 'Image is required: choose one, or type publisher:offer:sku:version (e.g. Canonical:ubuntu-24_04-lts:server:latest).' });
    assert.deepEqual(parseImageUrn('Canonical:ubuntu'), { problem: "Image URN must have four parts, publisher:offer:sku:version (e.g. Canonical:ubuntu-24_04-lts:server:latest); 'Canonical:ubuntu' has 2." });
    assert.deepEqual(parseImageUrn('Canonical::server:latest'), { problem: 'Image offer is missing: the URN is publisher:offer:sku:version.' });
    assert.deepEqual(parseImageUrn('Canonical:ubuntu 24:server:latest'), { problem: "Image offer 'ubuntu 24' can contain only letters, digits, periods, underscores and hyphens, starting with a letter or digit." });
    assert.deepEqual(parseImageUrn('Canonical:ubuntu:server:newest'), { problem: "Image version must be 'latest' or a version number such as 1.2.3 (not 'newest')." });
    assert.equal(imageReferenceProblem({ publisher: 'a', offer: 'b', sku: 'c', version: 'LATEST' }), undefined);
  });

  it('recognizes a popular image by publisher, offer and sku, ignoring case and version', () => {
    assert.equal(popularImageFor({ publisher: 'canonical', offer: 'UBUNTU-24_04-LTS', sku: 'server', version: '1.2.3' })?.id, 'ubuntu-24_04');
    assert.equal(popularImageFor({ publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server-gen1', version: 'latest' }), undefined);
  });

  it("tells which sizes take Premium SSD: an 's' after the vCPU count, or the DS and GS families", () => {
    for (const size of ['Standard_B2s', 'Standard_B1ms', 'Standard_D2s_v5', 'Standard_D2as_v5', 'Standard_E4-2s_v3', 'Standard_DS2_v2', 'Standard_GS5', 'Standard_NC6s_v3', 'Standard_D2pls_v5']) {
      assert.equal(sizeSupportsPremiumDisks(size), true, size);
    }
    for (const size of ['Standard_D2_v5', 'Standard_A2_v2', 'Standard_D2a_v4', 'Standard_B1', 'bogus', '']) assert.equal(sizeSupportsPremiumDisks(size), false, size);
  });

  it('defaults: sizes by OS, Premium SSD when the size takes it', () => {
    assert.equal(defaultVmSize('Linux'), 'Standard_B2s');
    assert.equal(defaultVmSize('Windows'), 'Standard_D2s_v5');
    assert.equal(defaultOsDiskType('Standard_B2s'), 'Premium_LRS');
    assert.equal(defaultOsDiskType('Standard_D2_v5'), 'StandardSSD_LRS');
    assert.deepEqual(osDiskTypeInfo('Premium_ZRS'), { type: 'Premium_ZRS', label: 'Premium SSD (zone-redundant storage)', premium: true, zoneRedundant: true });
  });
});
