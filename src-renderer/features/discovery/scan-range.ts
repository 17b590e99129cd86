import type { MethodResult } from '../../../src-shared/api/index.js';
import type { Settings } from '../../../src-shared/model/index.js';

export const SCAN_RANGE_INPUT_ID = 'scan-range-input';
export const SCAN_RANGE_EXAMPLE = '192.168.1.0/24 or 192.168.1.10-192.168.1.60';

/**
 * What the range box starts with: the range this farm scanned last, else (in demo mode) the simulator's range, else
 * nothing. The engine validates the range; this only saves typing.
 */
export function suggestedScanRange(settings: Settings | null, appInfo: MethodResult<'app.info'> | null): string {
  const lastRange = settings?.lastScanRange.trim() ?? '';
  if (lastRange !== '') return lastRange;
  if (appInfo?.demo === true && appInfo.demoRange !== null) return appInfo.demoRange;
  return '';
}
