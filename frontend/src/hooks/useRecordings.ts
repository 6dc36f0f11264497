import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys, RECORDINGS_PAGE_SIZE } from '../lib/queryKeys';
import type { FormattedRecording, FormattedRecordingsResponse } from '../types/api';
import { useAuthReady } from './useAuthReady';
import { useServices } from './useServices';

export function nextOffset(last: FormattedRecordingsResponse, offset: number, pageSize = RECORDINGS_PAGE_SIZE) {
  const loaded = offset + last.recordings.length;
  if (typeof last.total === 'number') return loaded < last.total ? loaded : undefined;
  // Without a total, a full page is the only hint that more may follow.
  return last.recordings.length >= pageSize ? loaded : undefined;
}

/** Recordings, newest first, one page of RECORDINGS_PAGE_SIZE at a time ("Charger plus"). */
export function useRecordings() {
  const { service } = useServices();
  const enabled = useAuthReady();
  const query = useInfiniteQuery({
    queryKey: queryKeys.recordings,
    enabled,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => service.getFormattedRecordings({ limit: RECORDINGS_PAGE_SIZE, offset: pageParam }),
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
