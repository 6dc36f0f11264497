import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RECORDINGS_PAGE_SIZE } from '../../../config/constants';
import { useAccess } from '../../../hooks/useAccess';
import { api } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { FormattedRecording, FormattedRecordingsResponse } from '../../../types';

export const getRecordings = ({ limit, offset }: { limit: number; offset: number }) =>
  api.get<FormattedRecordingsResponse>('/api/frontend/recordings/formatted', { query: { limit, offset } });

export function nextOffset(last: FormattedRecordingsResponse, offset: number, pageSize = RECORDINGS_PAGE_SIZE) {
  const loaded = offset + last.recordings.length;
  if (typeof last.total === 'number') return loaded < last.total ? loaded : undefined;
  // Without a total, a full page is the only hint that more may follow.
  return last.recordings.length >= pageSize ? loaded : undefined;
}

/** Recordings, newest first, one page of RECORDINGS_PAGE_SIZE at a time ("Charger plus"). */
export function useRecordings() {
  const { ready } = useAccess();
  const query = useInfiniteQuery({
    queryKey: queryKeys.recordings,
    enabled: ready,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => getRecordings({ limit: RECORDINGS_PAGE_SIZE, offset: pageParam }),
    getNextPageParam: (last, _pages, offset) => nextOffset(last, offset),
  });

  // A recording made between two page loads shifts the offsets: drop the duplicate it causes.
  const recordings = useMemo(() => {
    const seen = new Set<string>();
    const rows: FormattedRecording[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const rec of page.recordings) {
        const key = String(rec.id);
        if (!seen.has(key)) {
          seen.add(key);
          rows.push(rec);
        }
      }
    }
    return rows;
  }, [query.data]);

  const pages = query.data?.pages;
  const total = pages?.length ? pages[pages.length - 1].total : undefined;
  return { ...query, recordings, total };
}
