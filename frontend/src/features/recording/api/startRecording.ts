import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecordingStatus, StartRecordingRequest, StartRecordingResponse } from '../../../types';
import { CLIENT_HEADER } from './clientHeader';

export const startRecording = (body: StartRecordingRequest) =>
  api.post<StartRecordingResponse>('/api/integrated/recording/start', body, { headers: { ...CLIENT_HEADER } });

export function useStartRecording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRecording,
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
