import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { putQueryData, updateUploads } from '../../lib/cache';
import { formatBytes, formatClock, formatSpan, minutesLeft } from '../../lib/format';
import { queryKeys } from '../../lib/queryKeys';
import { eventRigName } from '../../lib/rigs';
import { listenTo, type AppSocket } from '../../lib/socket';
import { upsertJob } from '../../lib/uploadJobs';
import type { RecordingStatus } from '../../types';
import { aboutAnotherRig, stoppedStatus, withLowDisk, withMarker, withPaused } from './status';

/** The recording's live status (every second while recording), start and stop from any client. */
export function bindRecordingEvents(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  const { on, off } = listenTo(socket);
  const refreshRecordings = () => void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });

  on('recording_status_update', ({ status }) => {
    putQueryData<RecordingStatus>(queryClient, queryKeys.recordingStatus, status);
  });

  on('recording_started', ({ result, rig }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus });
    refreshRecordings();
    const name = eventRigName(queryClient, rig);
    pushEvent(store, 'success', (t) =>
      t.events.onRig(
        name,
        t.events.recordingStarted(result.session_name, t.recording.startedByLabels[result.started_by]),
      ),
    );
  });

  on('recording_stopped', ({ result, rig }) => {
    const previous = queryClient.getQueryData<RecordingStatus>(queryKeys.recordingStatus);
    // One rig of several stopped: the card's session may go on on the rig it is read from.
    if (aboutAnotherRig(previous, rig)) void queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus });
    else putQueryData<RecordingStatus>(queryClient, queryKeys.recordingStatus, stoppedStatus(result.message, previous));
    if (result.upload_result?.queued) {
      const job = result.upload_result.job;
      updateUploads(queryClient, (list) => upsertJob(list, job));
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
    refreshRecordings();
    const name = eventRigName(queryClient, rig);
    pushEvent(store, 'info', (t) => t.events.onRig(name, t.events.recordingStopped(result.session_name)));
  });

  /**
   * Patch the cached status with a pure update (status.ts); nothing when there is none to patch, or
   * when the news is about another rig than the one the card's status is read from.
   */
  const patchStatus = (
    rig: string | null | undefined,
    update: (status: RecordingStatus | undefined) => RecordingStatus | undefined,
  ) => {
    const previous = queryClient.getQueryData<RecordingStatus>(queryKeys.recordingStatus);
    if (aboutAnotherRig(previous, rig)) return;
    const next = update(previous);
    if (next && next !== previous) putQueryData<RecordingStatus>(queryClient, queryKeys.recordingStatus, next);
  };

  // Paused or resumed from any client, or from the OBS window itself.
  on('recording_paused', (e) => {
    patchStatus(e.rig, (s) => withPaused(s, { paused: true, paused_s: e.paused_s, at: e.timestamp }));
    const name = eventRigName(queryClient, e.rig);
    pushEvent(store, 'warning', (t) => t.events.onRig(name, t.events.recordingPaused(e.session_name)));
  });

  on('recording_resumed', (e) => {
    patchStatus(e.rig, (s) => withPaused(s, { paused: false, paused_s: e.paused_s, at: e.timestamp }));
    const name = eventRigName(queryClient, e.rig);
    pushEvent(store, 'info', (t, lang) =>
      t.events.onRig(name, t.events.recordingResumed(e.session_name, formatSpan(e.paused_s * 1000, lang))),
    );
  });

  // A marker belongs to the session, whichever rig's timecode it holds.
  on('marker_added', ({ marker }) => {
    patchStatus(null, (s) => withMarker(s, marker));
    pushEvent(store, 'info', (t) => t.events.markerAdded(formatClock(marker.timecode_ms), marker.label ?? null));
  });

  // Said once per session by the server; the card's warning follows the status from then on.
  on('disk_space_low', (e) => {
    patchStatus(e.rig, (s) => withLowDisk(s, e));
    const name = eventRigName(queryClient, e.rig);
    pushEvent(store, 'warning', (t, lang) =>
      t.events.onRig(name, t.recording.diskLow(formatBytes(e.free_bytes, lang), minutesLeft(e.estimated_remaining_s))),
    );
  });

  return off;
}
