'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * Keeps a server-rendered page current: polls a cheap version endpoint and re-renders the page
 * when it changes. Pauses while the tab is hidden.
 */
export function LiveRefresh({ versionUrl, initial, intervalMs = 4000 }: { versionUrl: string; initial: string; intervalMs?: number }) {
  const router = useRouter();
  const version = useRef(initial);
  useEffect(() => {
    version.current = initial;
  }, [initial]);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(versionUrl, { cache: 'no-store' });
        if (!response.ok) return;
        const body = (await response.json()) as { version?: string };
        if (!stopped && body.version && body.version !== version.current) {
          version.current = body.version;
          router.refresh();
        }
      } catch {
        // offline for a moment; the next poll tries again
      }
    };
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [versionUrl, intervalMs, router]);
  return null;
}
