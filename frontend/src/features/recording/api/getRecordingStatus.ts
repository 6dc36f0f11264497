import { useQuery } from '@tanstack/react-query';
import { useAccess } from '../../../hooks/useAccess';
import { useAppState } from '../../../hooks/useAppState';
import { api } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecordingStatus } from '../../../types';

export const getRecordingStatus = () => api.get<RecordingStatus>('/api/integrated/recording/status');

export function useRecordingStatus() {
  const { ready } = useAccess();
  const socketUp = useAppState((s) => s.socket === 'connected');
  return useQuery({
    queryKey: queryKeys.recordingStatus,
    enabled: ready,
    queryFn: getRecordingStatus,
    // recording_status_update pushes this every second; poll only while the socket is down.
    refetchInterval: socketUp ? false : 3_000,
  });
}
