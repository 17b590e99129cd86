// The operator's limits, kept in limits.json beside the settings (atomically written, a damaged file set aside).
import path from 'node:path';
import { OperatorLimitsSchema, type OperatorLimits } from '../../../src-shared/model/control.js';
import { JsonFile } from '../storage/json-file.js';

export class LimitsService {
  private current: OperatorLimits;
  private readonly file: JsonFile<typeof OperatorLimitsSchema> | null;
  readonly loadProblem: string | null;

  constructor(dataDir: string | null) {
    const defaults = (): OperatorLimits => OperatorLimitsSchema.parse({});
    this.file = dataDir ? new JsonFile(path.join(dataDir, 'limits.json'), OperatorLimitsSchema, defaults) : null;
    const loaded = this.file?.load() ?? { value: defaults(), problem: null };
    this.current = loaded.value;
    this.loadProblem = loaded.problem;
  }

  get(): OperatorLimits {
    return this.current;
  }

  update(limits: OperatorLimits): OperatorLimits {
    this.file?.save(limits);
    this.current = limits;
    return limits;
  }
}
