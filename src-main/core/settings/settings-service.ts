// Operator settings: read once at start, changed through the API, persisted on every change. Where they are kept is
// the backend's business (a JSON file headless, electron-store in the desktop shell).
import { RigwiseError } from '../../../src-shared/api/errors.js';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../../src-shared/model/settings.js';
import type { EngineEventBus } from '../events.js';

export interface SettingsBackend {
  /** The stored settings, or defaults; `problem` says why defaults were used instead of a damaged store. */
  load(): { value: Settings; problem: string | null };
  save(settings: Settings): void;
}

export class SettingsService {
  private current: Settings;
  readonly loadProblem: string | null;
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>();

  constructor(
    private readonly backend: SettingsBackend,
    private readonly events: EngineEventBus,
  ) {
    const loaded = backend.load();
    this.current = loaded.value;
    this.loadProblem = loaded.problem;
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const merged = SettingsSchema.safeParse({ ...this.current, ...patch });
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new RigwiseError(
        'BAD_REQUEST',
        `Setting ${issue?.path.join('.') ?? ''} is invalid: ${issue?.message ?? ''}`,
      );
    }
    const previous = this.current;
    this.backend.save(merged.data);
    this.current = merged.data;
    for (const listener of this.listeners) listener(this.current, previous);
    this.events.emit('settings.changed', this.current);
    return this.current;
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
