/**
 * The marketplace images the emulator knows: publisher → offer → sku → versions. The names are
 * Azure's (as `az vm image list` shows them, and as Azure's quickstart templates use them: the
 * simple Windows VM template's allowed skus include 2008-R2-SP1 … 2016-Datacenter-with-Containers,
 * the simple Linux one Ubuntu 20.04/22.04 gen2); versions follow each publisher's numbering
 * (Canonical 'YY.MM.YYYYMMDDn', Debian '0.YYYYMMDD.build', Red Hat 'major.minor.YYYYMMDDnn',
 * Windows 'build.revision.YYMMDD'). Every region offers every image here.
 */
export interface ImageSku {
  publisher: string;
  offer: string;
  sku: string;
  osType: 'Linux' | 'Windows';
  hyperVGeneration: 'V1' | 'V2';
  /** Oldest first; the last is what 'latest' means. */
  versions: readonly string[];
}

const ubuntu24 = ['24.04.202409120', '24.04.202501140', '24.04.202505150'];
const ubuntu22 = ['22.04.202409100', '22.04.202501150', '22.04.202505130'];
const ubuntu20 = ['20.04.202409110', '20.04.202501140', '20.04.202505140'];
const debian12 = ['0.20240717.1811', '0.20250113.1996', '0.20250519.2120'];
const rhel9 = ['9.4.2024081415', '9.5.2024112210', '9.6.2025052711'];
const ws2022 = ['20348.2700.240906', '20348.2966.250107', '20348.3561.250505'];
const ws2019 = ['17763.6293.240905', '17763.6775.250109', '17763.7314.250505'];
const ws2016 = ['14393.7336.240830', '14393.7699.250108', '14393.8066.250505'];

export const images: readonly ImageSku[] = [
  { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', osType: 'Linux', hyperVGeneration: 'V2', versions: ubuntu24 },
  { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server-gen1', osType: 'Linux', hyperVGeneration: 'V1', versions: ubuntu24 },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', osType: 'Linux', hyperVGeneration: 'V2', versions: ubuntu22 },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', osType: 'Linux', hyperVGeneration: 'V1', versions: ubuntu22 },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-focal', sku: '20_04-lts-gen2', osType: 'Linux', hyperVGeneration: 'V2', versions: ubuntu20 },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-focal', sku: '20_04-lts', osType: 'Linux', hyperVGeneration: 'V1', versions: ubuntu20 },
  { publisher: 'Debian', offer: 'debian-12', sku: '12-gen2', osType: 'Linux', hyperVGeneration: 'V2', versions: debian12 },
  { publisher: 'Debian', offer: 'debian-12', sku: '12', osType: 'Linux', hyperVGeneration: 'V1', versions: debian12 },
  { publisher: 'RedHat', offer: 'RHEL', sku: '9-lvm-gen2', osType: 'Linux', hyperVGeneration: 'V2', versions: rhel9 },
  { publisher: 'RedHat', offer: 'RHEL', sku: '9-lvm', osType: 'Linux', hyperVGeneration: 'V1', versions: rhel9 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', osType: 'Windows', hyperVGeneration: 'V2', versions: ws2022 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter', osType: 'Windows', hyperVGeneration: 'V1', versions: ws2022 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-g2', osType: 'Windows', hyperVGeneration: 'V2', versions: ws2022 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-Datacenter', osType: 'Windows', hyperVGeneration: 'V1', versions: ws2019 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-gensecond', osType: 'Windows', hyperVGeneration: 'V2', versions: ws2019 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2016-Datacenter', osType: 'Windows', hyperVGeneration: 'V1', versions: ws2016 },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2016-Datacenter-with-Containers', osType: 'Windows', hyperVGeneration: 'V1', versions: ['2016.127.20190603', '14393.7336.240830'] },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2016-Nano-Server', osType: 'Windows', hyperVGeneration: 'V1', versions: ['2016.127.20190603'] },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2012-R2-Datacenter', osType: 'Windows', hyperVGeneration: 'V1', versions: ['9600.21620.231004', '9600.21620.240105'] },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2012-Datacenter', osType: 'Windows', hyperVGeneration: 'V1', versions: ['9200.24569.231004', '9200.24569.240105'] },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2008-R2-SP1', osType: 'Windows', hyperVGeneration: 'V1', versions: ['7601.26816.231005'] },
];

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const unique = (values: string[]) => values.filter((value, index) => values.findIndex((other) => same(other, value)) === index);

export function publishers(): string[] {
  return unique(images.map((image) => image.publisher));
}

export function offersOf(publisher: string): string[] {
  return unique(images.filter((image) => same(image.publisher, publisher)).map((image) => image.offer));
}

export function skusOf(publisher: string, offer: string): ImageSku[] {
  return images.filter((image) => same(image.publisher, publisher) && same(image.offer, offer));
}

export function findImageSku(publisher: string, offer: string, sku: string): ImageSku | undefined {
  return skusOf(publisher, offer).find((image) => same(image.sku, sku));
}

/** The exact version an image reference means ('latest' is the newest), or undefined when there is none. */
export function resolveVersion(image: ImageSku, version: string): string | undefined {
  if (same(version, 'latest')) return image.versions[image.versions.length - 1];
  return image.versions.find((candidate) => candidate === version);
}
