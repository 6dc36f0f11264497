// Writes into the TanStack Query cache shared by REST answers and socket events.
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import type { UploadJob } from '../types';
import { upsertJob, type UploadJobView } from './uploadJobs';

/** An event is newer than any response still on its way: cancel that fetch so it cannot overwrite. */
export function putQueryData<T>(queryClient: QueryClient, queryKey: readonly unknown[], data: T): void {
  void queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData<T>(queryKey, data);
}

/**
 * Apply a pure update (lib/uploadJobs) to the cached upload jobs. An update that returns null met a job
 * we have never seen (started from another client before our fetch): then ask the server.
 */
export function updateUploads(
  queryClient: QueryClient,
  update: (list: UploadJobView[] | undefined) => UploadJobView[] | null,
): void {
  const next = update(queryClient.getQueryData<UploadJobView[]>(queryKeys.uploads));
  if (next) putQueryData(queryClient, queryKeys.uploads, next);
  else void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
}

/** A job the server just answered with (REST): into the shared uploads list, shown at once everywhere. */
export function storeJob(queryClient: QueryClient, job: UploadJob): void {
  queryClient.setQueryData<UploadJobView[]>(queryKeys.uploads, (list) => upsertJob(list, job));
}
