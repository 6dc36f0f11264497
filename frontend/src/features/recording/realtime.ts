import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { putQueryData, updateUploads } from '../../lib/cache';
import { queryKeys } from '../../lib/queryKeys';
import { listenTo, type AppSocket } from '../../lib/socket';
import { upsertJob } from '../../lib/uploadJobs';
import type { RecordingStatus } from '../../types';
import { stoppedStatus } from './status';

/** The recording's live status (every second while recording), start and stop from any client. */
export function bindRecordingEvents(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  const { on, off } = listenTo(socket);
  const refreshRecordings = () => void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });

  on('recording_status_update', ({ status }) => {
    putQueryData<RecordingStatus>(queryClient, queryKeys.recordingStatus, status);
  });

  on('recording_started', ({ result }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus });
    refreshRecordings();
    pushEvent(store, 'success', (t) =>
      t.events.recordingStarted(result.session_name, t.recording.startedByLabels[result.started_by]),
    );
  });

  on('recording_stopped', ({ result }) => {
    const previous = queryClient.getQueryData<RecordingStatus>(queryKeys.recordingStatus);
    putQueryData<RecordingStatus>(queryClient, queryKeys.recordingStatus, stoppedStatus(result.message, previous));
    if (result.upload_result?.queued) {
      const job = result.upload_result.job;
      updateUploads(queryClient, (list) => upsertJob(list, job));
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
    refreshRecordings();
    pushEvent(store, 'info', (t) => t.events.recordingStopped(result.session_name));
  });

  return off;
}
