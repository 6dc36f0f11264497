import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import { upsertJob } from '../lib/uploadJobs';
import type { RecordingStatus, StartRecordingRequest, UploadJobView } from '../types/api';
import { useServices } from './useServices';

export function useStartRecording() {
  const { service } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartRecordingRequest) => service.startRecording(body),
    onSuccess: (result, body) => {
      // Show the session at once; the next status (socket or refetch) brings OBS's real figures.
      const optimistic: RecordingStatus = {
        active: true,
        session_name: result.session_name,
        session_path: result.session_path,
        auto_upload: result.auto_upload ?? body.autoUpload,
        started_by: result.started_by ?? 'dashboard',
        subtitle_model: body.subtitleModel,
        priority: body.priority,
        start_time: new Date().toISOString(),
        obs_status: { active: true, timecode: '00:00:00.000', bytes: 0 },
      };
      queryClient.setQueryData(queryKeys.recordingStatus, optimistic);
      // Returned so the buttons stay disabled until the confirmed state is in.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus }),
        queryClient.invalidateQueries({ queryKey: queryKeys.recordings }),
      ]);
    },
  });
}

export function useStopRecording() {
  const { service } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => service.stopRecording(),
    onSuccess: (result) => {
      const idle: RecordingStatus = { active: false, message: result.message };
      queryClient.setQueryData(queryKeys.recordingStatus, idle);
      if (result.upload_result?.queued) {
        const job = result.upload_result.job;
        queryClient.setQueryData<UploadJobView[]>(queryKeys.uploads, (list) => upsertJob(list, job));
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
      return queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
    },
  });
}
