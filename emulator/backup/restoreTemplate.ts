import type { RecoveryPointSource, ResourceRecord } from '../state/model';

type Json = Record<string, unknown>;

/**
 * What a RestoreDisks job writes to its staging account (tutorial-restore-disk.md, "Create a VM from
 * the restored disk"): the VM's configuration as it was backed up, and an ARM template that creates
 * a VM from the restored managed disks, to be deployed with its blob URI and a SAS token. The
 * template's parameters (the VM's name, the virtual network, its resource group and the subnet) are
 * named as this emulator names them; their defaults are the backed-up VM's name and network, so the
 * template deploys as it is when the original VM is gone or the deployment goes to another group.
 */
export function restoredVmConfig(vmName: string, region: string, source: RecoveryPointSource, disks: ResourceRecord[]): Json {
  const [osDisk, ...dataDisks] = disks;
  return {
    name: vmName,
    location: region,
    ...(source.zones ? { zones: source.zones } : {}),
    properties: {
      hardwareProfile: { vmSize: source.vmSize },
      storageProfile: {
        osDisk: { osType: source.osType, name: source.osDisk.name, diskSizeGB: source.osDisk.diskSizeGB, managedDisk: { storageAccountType: source.osDisk.storageAccountType, id: osDisk?.resource.id } },
        dataDisks: source.dataDisks.map((disk, index) => ({ lun: disk.lun, name: disk.name, diskSizeGB: disk.diskSizeGB, managedDisk: { storageAccountType: disk.storageAccountType, id: dataDisks[index]?.resource.id } })),
      },
      ...(source.subnetId ? { networkProfile: { subnet: { id: source.subnetId } } } : {}),
    },
  };
}

export function restoredVmTemplate(vmName: string, region: string, source: RecoveryPointSource, disks: ResourceRecord[], zones: string[] | undefined): Json {
  const network = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i.exec(source.subnetId ?? '');
  const parameter = (defaultValue: string | undefined) => ({ type: 'string', ...(defaultValue !== undefined ? { defaultValue } : {}) });
  const [osDisk, ...dataDisks] = disks;
  const nic = "[resourceId('Microsoft.Network/networkInterfaces', variables('networkInterfaceName'))]";
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      VirtualMachineName: parameter(vmName),
      VirtualNetwork: parameter(network?.[2]),
      VirtualNetworkResourceGroup: parameter(network?.[1]),
      Subnet: parameter(network?.[3]),
    },
    variables: {
      networkInterfaceName: "[concat(parameters('VirtualMachineName'), '-nic')]",
      subnetId: "[resourceId(parameters('VirtualNetworkResourceGroup'), 'Microsoft.Network/virtualNetworks/subnets', parameters('VirtualNetwork'), parameters('Subnet'))]",
    },
    resources: [
      {
        type: 'Microsoft.Network/networkInterfaces',
        apiVersion: '2023-04-01',
        name: "[variables('networkInterfaceName')]",
        location: region,
        properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[variables('subnetId')]" } } }] },
      },
      {
        type: 'Microsoft.Compute/virtualMachines',
        apiVersion: '2023-03-01',
        name: "[parameters('VirtualMachineName')]",
        location: region,
        ...(zones ? { zones } : {}),
        dependsOn: [nic],
        properties: {
          hardwareProfile: { vmSize: source.vmSize },
          storageProfile: {
            osDisk: { osType: source.osType, name: osDisk?.resource.name, createOption: 'Attach', caching: 'ReadWrite', managedDisk: { id: osDisk?.resource.id } },
            dataDisks: source.dataDisks.map((disk, index) => ({ lun: disk.lun, name: dataDisks[index]?.resource.name, createOption: 'Attach', caching: 'None', managedDisk: { id: dataDisks[index]?.resource.id } })),
          },
          networkProfile: { networkInterfaces: [{ id: nic }] },
        },
      },
    ],
    outputs: { virtualMachineId: { type: 'string', value: "[resourceId('Microsoft.Compute/virtualMachines', parameters('VirtualMachineName'))]" } },
  };
}
