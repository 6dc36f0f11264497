import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { putQueryData, updateUploads } from '../../lib/cache';
import { formatBytes, formatClock, formatSpan, minutesLeft } from '../../lib/format';
import { queryKeys } from '../../lib/queryKeys';
import { listenTo, type AppSocket } from '../../lib/socket';
import { upsertJob } from '../../lib/uploadJobs';
import type { RecordingStatus } from '../../types';
import { stoppedStatus, withLowDisk, withMarker, withPaused } from './status';

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

  /** Patch the cached status with a pure update (status.ts); nothing when there is none to patch. */
  const patchStatus = (update: (status: RecordingStatus | undefined) => RecordingStatus | undefined) => {
    const previous = queryClient.getQueryData<RecordingStatus>(queryKeys.recordingStatus);
    const next = update(previous);
    if (next && next !== previous) putQueryData<RecordingStatus>(queryClient, queryKeys.recordingStatus, next);
  };

  // Paused or resumed from any client, or from the OBS window itself.
  on('recording_paused', (e) => {
    patchStatus((s) => withPaused(s, { paused: true, paused_s: e.paused_s, at: e.timestamp }));
    pushEvent(store, 'warning', (t) => t.events.recordingPaused(e.session_name));
  });

  on('recording_resumed', (e) => {
    patchStatus((s) => withPaused(s, { paused: false, paused_s: e.paused_s, at: e.timestamp }));
    pushEvent(store, 'info', (t, lang) =>
      t.events.recordingResumed(e.session_name, formatSpan(e.paused_s * 1000, lang)),
    );
  });

  on('marker_added', ({ marker }) => {
    patchStatus((s) => withMarker(s, marker));
    pushEvent(store, 'info', (t) => t.events.markerAdded(formatClock(marker.timecode_ms), marker.label ?? null));
  });

  // Said once per session by the server; the card's warning follows the status from then on.
  on('disk_space_low', (e) => {
    patchStatus((s) => withLowDisk(s, e));
    pushEvent(store, 'warning', (t, lang) =>
      t.recording.diskLow(formatBytes(e.free_bytes, lang), minutesLeft(e.estimated_remaining_s)),
    );
  });

  return off;
}
