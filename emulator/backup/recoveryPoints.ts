import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest } from '../http/armHttp';
import { ok, queryParameter } from '../http/armHttp';
import { ArmError, badRequest } from '../http/armError';
import { pageOf } from '../http/paging';
import { parseFilter, parseFilterTime } from '../http/odataFilter';
import { apiVersions } from '../apiVersions';
import type { ProtectedItemRecord, RecoveryPointRecord } from '../state/model';
import { availablePoints } from './recoveryPointTiers';
import { recoveryPointJson } from './recoveryPointJson';
import { restoreProblems } from './restoreErrors';
import { itemPath, requireItem, vaultOf } from './vaultRequest';

const day = 24 * 3600 * 1000;
/** The window a list without dates covers, and the other end of a one-sided one. */
const defaultWindowMs = 30 * day;

/**
 * RecoveryPoints_List and RecoveryPoints_Get (bms.json 2023-06-01). The list takes the service's
 * date filter, `startDate eq 'yyyy-MM-dd hh:mm:ss tt' and endDate eq '…'` in UTC (what the SDKs and
 * the CLI send: azure-cli backup custom_help.get_filter_string), and answers newest first, a page at
 * a time. Without dates it answers the last 30 days only: clients see no old points unless they ask
 * for a range (Azure/azure-powershell#25912: a year-old point is not listed without dates), and the
 * CLI and PowerShell complete a one-sided range with 30 days (custom_help.get_query_dates). Expired
 * points are gone; tiers are as they are at the request's time.
 */
export function recoveryPointRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  return [
    {
      method: 'GET',
      template: `${itemPath}/recoveryPoints`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const item = requireItem(vault, request);
        const { from, to } = dateRange(request);
        const points = availablePoints(item, request.now)
          .filter((point) => {
            const time = Date.parse(point.time);
            return time >= from && time <= to;
          })
          .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
        return ok(pageOf(request, points, context.options.pageSize, (point) => recoveryPointJson(context.state, vault, item, point, request.now)));
      },
    },
    {
      method: 'GET',
      template: `${itemPath}/recoveryPoints/{recoveryPointId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const item = requireItem(vault, request);
        return ok(recoveryPointJson(context.state, vault, item, requirePoint(item, request.parameters.recoveryPointId!, request.now), request.now));
      },
    },
  ];
}

/** The point of that name the item still has, or the service's 404. */
export function requirePoint(item: ProtectedItemRecord, name: string, now: number): RecoveryPointRecord {
  const point = availablePoints(item, now).find((candidate) => candidate.name === name);
  if (!point) {
    const problem = restoreProblems.recoveryPointNotFound(name);
    throw new ArmError(problem.status, problem.code, problem.message);
  }
  return point;
}

function dateRange(request: ArmRequest): { from: number; to: number } {
  const filter = parseFilter(queryParameter(request.url, '$filter'), ['startDate', 'endDate', 'restorePointQueryType', 'extendedInfo']);
  const start = filter.has('startdate') ? parseFilterTime(filter.get('startdate')!) : undefined;
  const end = filter.has('enddate') ? parseFilterTime(filter.get('enddate')!) : undefined;
  const to = end ?? (start !== undefined ? start + defaultWindowMs : request.now);
  const from = start ?? to - defaultWindowMs;
  if (from > to) throw badRequest('BMSUserErrorInvalidFilter', `startDate (${new Date(from).toISOString()}) must be earlier than endDate (${new Date(to).toISOString()}).`);
  return { from, to };
}
