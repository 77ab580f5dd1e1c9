/**
 * The api-versions each provider answers. The first of each list is the one our SDKs send and
 * the published specification in ../shared/azure-specs describes.
 */
export const apiVersions = {
  subscriptions: ['2022-12-01', '2021-01-01', '2020-01-01', '2016-06-01'],
  resourceGroups: ['2021-04-01', '2025-04-01', '2024-03-01', '2022-09-01'],
  compute: ['2026-03-01', '2025-04-01', '2024-11-01', '2024-07-01', '2024-03-01'],
  vaults: ['2024-04-01', '2024-02-01', '2023-08-01', '2023-04-01'],
  backup: ['2023-06-01', '2023-08-01', '2023-04-01', '2023-02-01', '2016-12-01', '2017-07-01'],
} as const;
