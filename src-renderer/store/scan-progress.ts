import type { ScanProgress } from '../../src-shared/model/index.js';

/**
 * Picks which scan progress to show when a new report arrives. The reply to `discovery.start` and the throttled
 * `discovery.progress` events travel separately, so for the same scan an older report can arrive after a newer one:
 * a final state (done/cancelled/failed) is never replaced by 'running', and a running report never goes backwards.
 * A report for a different scan wins only if that scan started no earlier than the one shown.
 */
export function mergeScanProgress(current: ScanProgress | null, incoming: ScanProgress): ScanProgress {
  if (current === null) return incoming;
  if (current.scanId !== incoming.scanId) return incoming.startedAt >= current.startedAt ? incoming : current;
  const currentIsFinal = current.state !== 'running';
  if (currentIsFinal) return incoming.state !== 'running' ? incoming : current;
  if (incoming.state !== 'running') return incoming;
  return incoming.probed >= current.probed ? incoming : current;
}
