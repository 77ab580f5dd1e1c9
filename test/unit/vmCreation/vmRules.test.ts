import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { vmRequestProblems, vmRequestWarnings } from '../../../src/vmCreation/vmRules';
import { context, linuxRequest, rsaPublicKey, subscriptionId, vaultId, vnetId, windowsRequest } from './vmFixtures';

describe('vmRequestProblems', () => {
  it('accepts the Linux and the Windows request, with and without the host’s facts', () => {
    assert.deepEqual(vmRequestProblems(linuxRequest(), context()), {});
    assert.deepEqual(vmRequestProblems(windowsRequest(), context({ image: { osType: 'Windows' } })), {});
    assert.deepEqual(vmRequestProblems(linuxRequest()), {});
    assert.deepEqual(vmRequestProblems(windowsRequest()), {});
  });

  it('basics: subscription, resource group, name (taken names too), region', () => {
    const problems = vmRequestProblems(linuxRequest({ subscriptionId: '', resourceGroup: { name: 'rg.', isNew: false }, name: 'WEB-02', location: '' }), context());
    assert.deepEqual(problems, {
      subscription: 'Subscription is required: choose the subscription the VM belongs to.',
      resourceGroup: 'Resource group name cannot end in a period.',
      name: "A VM named 'WEB-02' already exists in resource group rg.: choose another name.",
      location: 'Region is required: choose where the VM runs (its vault must be in the same region).',
    });
    assert.equal(vmRequestProblems(linuxRequest({ resourceGroup: { name: 'rg-web-prod', isNew: true } }), context()).resourceGroup,
      "Resource group 'rg-web-prod' already exists: choose it among the existing groups, or type a new name.");
    assert.equal(vmRequestProblems(linuxRequest({ resourceGroup: { name: 'rg-nope', isNew: false } }), context()).resourceGroup,
      "Resource group 'rg-nope' does not exist in this subscription: choose an existing group, or create a new one.");
    assert.equal(vmRequestProblems(linuxRequest({ resourceGroup: { name: 'rg-new', isNew: true }, name: 'web-01' }), context()).name, undefined, 'a new group holds no VM yet');
    assert.equal(vmRequestProblems(windowsRequest({ name: 'sql-server-primary' })).name, 'Virtual machine name can be at most 15 characters for a Windows VM (it has 18): shorten it.');
  });

  it('zone: one the region offers, none where it has none', () => {
    assert.equal(vmRequestProblems(linuxRequest({ zone: '3' }), context({ zones: ['1', '2'] })).zone, 'Availability zone 3 is not offered in westeurope: choose 1, 2 or none.');
    assert.equal(vmRequestProblems(linuxRequest({ zone: '1' }), context({ zones: [] })).zone, 'Region westeurope has no availability zones: choose no zone.');
    assert.equal(vmRequestProblems(linuxRequest({ zone: '4' as '1' })).zone, "Availability zone must be 1, 2 or 3, or none (not '4').");
    assert.equal(vmRequestProblems(linuxRequest({ zone: '2' }), context()).zone, undefined);
  });

  it('image and OS type: well formed, offered in the region, of the chosen OS', () => {
    assert.equal(vmRequestProblems(linuxRequest({ image: { publisher: 'Canonical', offer: 'x y', sku: 's', version: 'latest' } })).image,
      "Image offer 'x y' can contain only letters, digits, periods, underscores and hyphens, starting with a letter or digit.");
    assert.equal(vmRequestProblems(linuxRequest(), context({ image: null })).image, 'Image Canonical:ubuntu-24_04-lts:server:latest is not offered in westeurope: check the URN, or choose another image.');
    assert.equal(vmRequestProblems(linuxRequest({ osType: 'Windows', authentication: { kind: 'password', password: 'Correct-Horse-42' }, name: 'web04' })).osType,
      'The image Canonical:ubuntu-24_04-lts:server:latest is a Linux image: set the operating system to Linux, or choose a Windows image.');
    const custom = linuxRequest({ image: { publisher: 'contoso', offer: 'appliance', sku: 'v1', version: '1.0.0' } });
    assert.equal(vmRequestProblems(custom, context({ image: { osType: 'Windows' } })).osType, 'The image contoso:appliance:v1:1.0.0 is a Windows image: set the operating system to Windows, or choose a Linux image.');
    assert.equal(vmRequestProblems(custom, context({ image: undefined })).osType, undefined, 'an unknown image takes the OS the user chose');
  });

  it('size: offered in the region; Premium SSD needs a size that takes it', () => {
    assert.equal(vmRequestProblems(linuxRequest({ size: 'Standard_M416ms_v2' }), context()).size, "Size Standard_M416ms_v2 is not offered in westeurope: choose one of the region's 4 sizes.");
    assert.equal(vmRequestProblems(linuxRequest({ size: '' })).size, 'Size is required: choose one of the sizes offered in the region.');
    assert.equal(vmRequestProblems(linuxRequest({ size: 'Standard_D2_v5' }), context()).osDiskType,
      "Size Standard_D2_v5 does not take Premium SSD disks: choose Standard SSD, or a size with an 's' after the vCPU count (e.g. Standard_B2s, Standard_D2s_v5).");
    assert.equal(vmRequestProblems(linuxRequest({ size: 'Standard_D2_v5', osDiskType: 'StandardSSD_LRS' }), context()).osDiskType, undefined);
    assert.equal(vmRequestProblems(linuxRequest({ osDiskType: 'Premium_ZRS' }), context({ zones: [] })).osDiskType,
      'Premium SSD (zone-redundant storage) needs a region with availability zones, and westeurope has none: choose a locally-redundant disk.');
  });

  it('administrator: user name, and a password or an SSH key as the OS allows', () => {
    assert.equal(vmRequestProblems(linuxRequest({ adminUsername: 'root' })).adminUsername,
      "Administrator user name 'root' is reserved and refused by Azure (like admin, administrator, root, user, guest): choose another, e.g. azureuser.");
    assert.equal(vmRequestProblems(linuxRequest({ authentication: { kind: 'sshPublicKey', publicKey: rsaPublicKey(1024) } })).sshPublicKey,
      'SSH public key is an RSA key of 1024 bits: Azure needs at least 2048 bits (make one with ssh-keygen -t rsa -b 4096, or use ed25519).');
    assert.equal(vmRequestProblems(windowsRequest({ authentication: { kind: 'sshPublicKey', publicKey: rsaPublicKey(2048) } })).sshPublicKey,
      'A Windows VM signs in with a password: SSH public keys are for Linux VMs. Choose password authentication.');
    assert.equal(vmRequestProblems(windowsRequest({ authentication: { kind: 'password', password: 'P@ssw0rd' } })).password, 'Password must be 12–123 characters long for a Windows VM (it has 8).');
    assert.equal(vmRequestProblems(linuxRequest({ authentication: { kind: 'password', password: 'P@ssw0rd' } })).password, 'Password is one Azure refuses as too common: choose another.');
  });

  it('inbound ports: known, each once', () => {
    assert.equal(vmRequestProblems(linuxRequest({ inboundPorts: ['SSH', 'SSH'] })).inboundPorts, 'Inbound ports lists a port twice.');
    assert.equal(vmRequestProblems(linuxRequest({ inboundPorts: ['FTP' as 'SSH'] })).inboundPorts, "Inbound port 'FTP' is not one the form opens: choose SSH, RDP, HTTP or HTTPS.");
  });

  it('new network: names, address space, subnet inside it, names not taken in the group', () => {
    const request = linuxRequest({
      network: { kind: 'new', virtualNetworkName: 'rg-web-vnet', addressPrefix: '10.0.0.0/16', subnetName: 'default.', subnetPrefix: '10.1.0.0/24' },
      networkResourceNames: { networkSecurityGroup: 'web-01-nsg', publicIp: 'web-01-ip', networkInterface: 'web-01-nic' },
    });
    assert.deepEqual(vmRequestProblems(request, context()), {
      virtualNetwork: "A virtual network named 'rg-web-vnet' already exists in resource group rg-web-prod: choose it as an existing network, or another name.",
      subnet: "Subnet name must end with a letter, digit or underscore (it ends with '.').",
      subnetPrefix: "Subnet address range 10.1.0.0/24 must lie inside the virtual network's address space 10.0.0.0/16.",
      networkSecurityGroupName: "A network security group named 'web-01-nsg' already exists in resource group rg-web-prod: choose another name.",
      publicIpName: "A public IP address named 'web-01-ip' already exists in resource group rg-web-prod: choose another name.",
      networkInterfaceName: "A network interface named 'web-01-nic' already exists in resource group rg-web-prod: choose another name.",
    });
    const bad = linuxRequest({ network: { kind: 'new', virtualNetworkName: 'v', addressPrefix: '10.0.0.1/16', subnetName: 'default', subnetPrefix: '10.0.0.0/30' } });
    assert.deepEqual(vmRequestProblems(bad), {
      virtualNetwork: 'Virtual network name must be 2–64 characters long (it has 1).',
      addressPrefix: 'Address space 10.0.0.1/16 has host bits set: for a /16 it must be 10.0.0.0/16.',
      subnetPrefix: 'Subnet address range must have a prefix length from /2 to /29 (not /30).',
    });
  });

  it('existing network: in the subscription and region, with that subnet', () => {
    assert.equal(vmRequestProblems(windowsRequest({ network: { kind: 'existing', virtualNetworkId: vnetId, subnetName: 'dmz' } }), context()).subnet,
      "Virtual network hub-vnet has no subnet named 'dmz': choose workloads.");
    const elsewhere = context({ virtualNetworks: [{ ...context().virtualNetworks![0], location: 'northeurope' }] });
    assert.equal(vmRequestProblems(windowsRequest(), elsewhere).virtualNetwork, 'Virtual network hub-vnet is in northeurope: a VM can use only a network of its own region (westeurope).');
    assert.equal(vmRequestProblems(windowsRequest(), context({ virtualNetworks: [] })).virtualNetwork,
      'Virtual network hub-vnet (resource group rg-network) was not found in westeurope: choose one of the region\'s networks, or create a new one.');
    assert.equal(vmRequestProblems(windowsRequest({ network: { kind: 'existing', virtualNetworkId: '', subnetName: '' } })).virtualNetwork,
      'Virtual network is required: choose an existing virtual network of the region, or create a new one.');
    const otherSubscription = vnetId.replace(subscriptionId, '00000000-0000-0000-0000-000000000000');
    assert.equal(vmRequestProblems(windowsRequest({ network: { kind: 'existing', virtualNetworkId: otherSubscription, subnetName: 'workloads' } })).virtualNetwork,
      "Virtual network hub-vnet is in another subscription: a VM's network must be in its own subscription.");
  });

  it('existing vault: of the VM’s region, with the chosen policy', () => {
    const eastVault = context().vaults![1].id;
    assert.equal(vmRequestProblems(windowsRequest({ backup: { enabled: true, vault: { kind: 'existing', vaultId: eastVault }, policy: { kind: 'existing', name: 'DefaultPolicy' } } }), context()).vault,
      'Vault prod-eus-vault is in eastus: a vault backs up only VMs of its own region (westeurope). Choose a vault of westeurope, or create one.');
    assert.equal(vmRequestProblems(windowsRequest({ backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'existing', name: 'Weekly' } } }), context()).policy,
      "Vault prod-weu-vault has no policy named 'Weekly': choose one of DefaultPolicy, Hourly-Enhanced, or create a new policy.");
    assert.equal(vmRequestProblems(windowsRequest({ backup: { enabled: true, vault: { kind: 'existing', vaultId: 'nope' }, policy: { kind: 'existing', name: 'DefaultPolicy' } } })).vault,
      "Recovery Services vault is required: choose a vault of the VM's region, or create a new one.");
    assert.equal(vmRequestProblems(windowsRequest(), context({ vaults: [] })).vault,
      'Vault prod-weu-vault (resource group rg-backup-prod) was not found: choose a vault of westeurope, or create a new one.');
  });

  it('new vault: its name (unique in the subscription) and resource group; DefaultPolicy or EnhancedPolicy', () => {
    const request = linuxRequest({
      backup: { enabled: true, vault: { kind: 'new', name: 'PROD-weu-vault', resourceGroup: { name: 'rg-backup-prod', isNew: true } }, policy: { kind: 'existing', name: 'Weekly' } },
    });
    assert.deepEqual(vmRequestProblems(request, context()), {
      vaultName: "Vault name 'PROD-weu-vault' is taken in this subscription (vault names are unique per subscription): choose another.",
      vaultResourceGroup: "Vault's resource group 'rg-backup-prod' already exists: choose it among the existing groups, or type a new name.",
      policy: "A new vault has only DefaultPolicy and EnhancedPolicy: choose one of them, or create a new policy (not 'Weekly').",
    });
    const badName = linuxRequest({ backup: { enabled: true, vault: { kind: 'new', name: '1vault', resourceGroup: { name: '', isNew: true } }, policy: { kind: 'existing', name: 'EnhancedPolicy' } } });
    assert.deepEqual(vmRequestProblems(badName), {
      vaultName: "Vault name must start with a letter a–z or A–Z (it starts with '1').",
      vaultResourceGroup: "Vault's resource group name is required: 1–90 letters, digits, underscores, parentheses, hyphens and periods.",
    });
  });

  it('new policy: checked by the policy rules, against the vault’s names', () => {
    const draft = newStandardPolicyDraft('DefaultPolicy');
    const request = linuxRequest({ backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'new', draft } } });
    assert.equal(vmRequestProblems(request, context()).policy, "New policy DefaultPolicy: Policy name 'DefaultPolicy' is already used in this vault (names are compared ignoring case).");
    draft.name = 'Daily-Web';
    draft.instantRestoreDays = 9;
    draft.retention.daily = { days: 3 };
    assert.equal(vmRequestProblems(request, context()).policy, 'New policy Daily-Web: Instant restore snapshots of a Standard policy must be 1 to 5 days, not 9. (and 1 more)');
    draft.instantRestoreDays = 2;
    draft.retention.daily = { days: 30 };
    assert.equal(vmRequestProblems(request, context()).policy, undefined);
  });

  it('backup off: no backup rule applies', () => {
    assert.deepEqual(vmRequestProblems(linuxRequest({ backup: { enabled: false } }), context({ vaults: [] })), {});
  });
});

describe('vmRequestWarnings', () => {
  it('says what is open to the internet, unreachable, or unprotected', () => {
    assert.deepEqual(vmRequestWarnings(linuxRequest({ inboundPorts: ['SSH', 'HTTPS'] })), [
      'Inbound ports SSH (22), HTTPS (443) will be open to the whole internet: fine for testing; restrict the source addresses in the network security group for anything else.',
    ]);
    assert.deepEqual(vmRequestWarnings(windowsRequest({ backup: { enabled: false } })), [
      'Without a public IP address, ports RDP (3389) are reachable only from inside the virtual network.',
      'Backup is off: this VM will not be protected until you enable backup for it.',
    ]);
    assert.deepEqual(vmRequestWarnings(linuxRequest({ inboundPorts: [] })), []);
  });
});
