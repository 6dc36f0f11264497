import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import { useAppState } from './useAppState';
import { useServices } from './useServices';

export function useRecordingStatus() {
  const { service } = useServices();
  const socketUp = useAppState((s) => s.socket === 'connected');
  return useQuery({
    queryKey: queryKeys.recordingStatus,
    queryFn: () => service.getRecordingStatus(),
    // recording_status_update pushes this every second; poll only while the socket is down.
    refetchInterval: socketUp ? false : 3_000,
  });
}
