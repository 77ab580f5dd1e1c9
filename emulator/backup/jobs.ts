import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest } from '../http/armHttp';
import { ok, queryParameter } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { parseFilter, parseFilterTime } from '../http/odataFilter';
import { apiVersions } from '../apiVersions';
import type { JobRecord, VaultRecord } from '../state/model';
import { findOperation, operationStatus, operationUrl, startOperation, stillRunning } from '../operations';
import { serviceErrors } from './serviceErrors';
import { isCancellable, jobDurationsAzureMs, jobJson, jobStatus } from './jobEngine';
import { vaultKeyOf, vaultOf, vaultPath } from './vaultRequest';

const filterProperties = ['status', 'operation', 'startTime', 'endTime', 'backupManagementType', 'jobId'];

export function jobRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  const findJob = (vault: VaultRecord, request: ArmRequest): JobRecord => {
    const job = vault.jobs[request.parameters.jobName!.toLowerCase()] ?? Object.values(vault.jobs).find((candidate) => candidate.id.toLowerCase() === request.parameters.jobName!.toLowerCase());
    if (!job) throw serviceErrors.jobNotFound(request.parameters.jobName!);
    return job;
  };
  return [
    {
      method: 'GET',
      template: `${vaultPath}/backupJobs`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const filter = parseFilter(queryParameter(request.url, '$filter'), filterProperties);
        const from = filter.has('starttime') ? parseFilterTime(filter.get('starttime')!) : undefined;
        const to = filter.has('endtime') ? parseFilterTime(filter.get('endtime')!) : undefined;
        const equals = (name: string, actual: string) => !filter.has(name) || filter.get(name)!.toLowerCase() === actual.toLowerCase();
        const jobs = Object.values(vault.jobs)
          .filter(
            (job) =>
              equals('status', jobStatus(job)) &&
              equals('operation', job.operation) &&
              equals('backupmanagementtype', 'AzureIaasVM') &&
              equals('jobid', job.id) &&
              (from === undefined || job.startTime >= from) &&
              (to === undefined || job.startTime <= to),
          )
          .sort((a, b) => b.startTime - a.startTime);
        return ok(pageOf(request, jobs, context.options.pageSize, (job) => jobJson(vault, job, request.now, false)));
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupJobs/{jobName}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        return ok(jobJson(vault, findJob(vault, request), request.now, true));
      },
    },
    {
      method: 'POST',
      template: `${vaultPath}/backupJobs/{jobName}/cancel`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const job = findJob(vault, request);
        // The service accepts every cancel request; one it cannot honour fails on the operation result.
        const cancellable = isCancellable(job, request.now);
        if (cancellable) job.cancelRequestedAt = request.now;
        const operation = startOperation(context, 'jobCancel', vaultKeyOf(vault), jobDurationsAzureMs.cancel, request.now, {
          jobId: job.id,
          ...(cancellable ? {} : { error: { code: 'BMSUserErrorJobNotCancellable', message: serviceErrors.jobNotCancellable().message } }),
        });
        return {
          status: 202,
          headers: { Location: operationUrl(request.origin, `${vault.resource.id}/backupJobs/${job.id}/operationResults/${operation.id}`, request.apiVersion), ...context.retryAfterHeader() },
        };
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupJobs/{jobName}/operationResults/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const operation = findOperation(context, request.parameters.operationId!, ['jobCancel'], vaultKeyOf(vault));
        const status = operationStatus(operation, request.now);
        if (status === 'InProgress') return stillRunning(context, request);
        if (status === 'Failed') throw serviceErrors.jobNotCancellable();
        return { status: 204 };
      },
    },
  ];
}
