import { useState } from 'react';
import type { Command } from '../../../src-shared/model/index.js';

export interface DraftUntilApplied<T> {
  /** What the operator typed, or null to show what the rig reports. */
  draft: T | null;
  edit: (next: T | null) => void;
  /** Call once the engine has queued `sent`; `latestBefore` is the form's last command before this one. */
  markSent: (sent: T, latestBefore: Command | null) => void;
}

export interface SentDraft<T> {
  value: T;
  /** The id of the form's latest command before this one was sent (null: there was none). */
  afterId: string | null;
}

/**
 * True once the change sent from an unchanged draft was applied. The form's command is the latest one of its kind
 * when that is not the one that was latest before sending.
 */
export function draftSettled<T>(draft: T | null, sent: SentDraft<T> | null, latest: Command | null): boolean {
  if (sent === null || draft !== sent.value || latest === null || latest.id === sent.afterId) return false;
  return latest.state === 'applied';
}

/**
 * A form's edit that outlives its own Apply: the typed value stays until the change it sent is applied (then the form
 * shows what the rig reports again, which by then is that value), and stays put if it is refused, fails or is rolled
 * back, so the operator can fix it and try again instead of typing it all over.
 */
export function useDraftUntilApplied<T>(latest: Command | null): DraftUntilApplied<T> {
  const [draft, setDraft] = useState<T | null>(null);
  const [sent, setSent] = useState<SentDraft<T> | null>(null);
  return {
    draft: draftSettled(draft, sent, latest) ? null : draft,
    edit: setDraft,
    markSent: (value, latestBefore) => {
      setDraft(value);
      setSent({ value, afterId: latestBefore?.id ?? null });
    },
  };
}
