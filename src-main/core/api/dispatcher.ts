// The single door into the engine for both transports: checks the method name and its params against the contract
// before any handler runs, and turns every outcome into a value (`{result}` or `{error}`), never a thrown exception.
import { RigwiseError, toErrorValue, type ApiErrorValue } from '../../../src-shared/api/errors.js';
import { EngineApi, isMethodName, type MethodName } from '../../../src-shared/api/methods.js';
import type { Handlers } from './handlers.js';

export type DispatchOutcome = { result: unknown } | { error: ApiErrorValue };
export type Dispatcher = (method: string, params: unknown) => Promise<DispatchOutcome>;

function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'params'}: ${issue.message}`)
    .join('; ');
}

async function run<M extends MethodName>(handlers: Handlers, method: M, params: unknown): Promise<DispatchOutcome> {
  const spec = EngineApi[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    return { error: { code: 'BAD_REQUEST', message: `Invalid params for ${method}: ${describeIssues(parsed.error)}` } };
  }
  const handler = handlers[method] as (params: unknown) => unknown;
  const result = await handler(parsed.data);
  // Checked on the way out too, so a handler bug shows up here rather than as a confusing renderer crash.
  const checked = spec.result.safeParse(result);
  if (!checked.success) {
    console.error(`[api] ${method} produced a result outside the contract: ${describeIssues(checked.error)}`);
    throw new RigwiseError('INTERNAL', `The engine produced an invalid result for ${method}.`);
  }
  return { result: checked.data };
}

export function createDispatcher(handlers: Handlers): Dispatcher {
  return async (method, params) => {
    if (!isMethodName(method)) {
      return { error: { code: 'UNKNOWN_METHOD', message: `There is no method "${method.slice(0, 64)}".` } };
    }
    try {
      return await run(handlers, method, params);
    } catch (error) {
      if (!(error instanceof RigwiseError)) console.error(`[api] ${method} failed:`, error);
      return { error: toErrorValue(error) };
    }
  };
}
