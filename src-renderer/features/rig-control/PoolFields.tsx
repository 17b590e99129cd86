import type { PoolDraft, PoolField, PoolRowDraft, PoolRowErrors } from './pool-editor.js';
import { EMPTY_POOL_ROW } from './pool-editor.js';

interface PoolFieldsProps {
  draft: PoolDraft;
  errors: readonly PoolRowErrors[];
  /** Test ids are `${idPrefix}-url-0`, `${idPrefix}-user-0`, `${idPrefix}-password-0`, ... */
  idPrefix: string;
  disabled?: boolean;
  onChange: (draft: PoolDraft) => void;
}

const ROW_LABEL = ['Primary', 'Failover 1', 'Failover 2'];

/** The pool rows, primary first: URL on its own line (they are long), worker and password below. */
export function PoolFields({ draft, errors, idPrefix, disabled = false, onChange }: PoolFieldsProps) {
  const update = (index: number, field: PoolField, value: string): void => {
    onChange(draft.map((row, i): PoolRowDraft => (i === index ? { ...row, [field]: value } : row)));
  };
  return (
    <div className="pool-fields">
      {draft.map((row, index) => {
        const rowErrors = errors[index] ?? {};
        const id = (field: PoolField) => `${idPrefix}-${field}-${index}`;
        const blank = row.url === '' && row.user === '' && row.password === '';
        return (
          <fieldset key={index} className="pool-row" disabled={disabled}>
            <legend className="pool-row-label">
              {ROW_LABEL[index] ?? `Pool ${index + 1}`}
              {index > 0 && !blank && (
                <button
                  type="button"
                  className="link-button pool-row-clear"
                  onClick={() => onChange(draft.map((other, i) => (i === index ? EMPTY_POOL_ROW : other)))}
                >
                  clear
                </button>
              )}
            </legend>
            <input
              id={id('url')}
              data-testid={id('url')}
              className="text-input mono pool-url-input"
              aria-label={`${ROW_LABEL[index] ?? 'Pool'} URL`}
              aria-invalid={rowErrors.url !== undefined}
              placeholder={index === 0 ? 'stratum+tcp://pool.example.com:3333' : 'Failover URL (optional)'}
              value={row.url}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => update(index, 'url', event.target.value)}
            />
            {rowErrors.url !== undefined && <p className="field-error">{rowErrors.url}</p>}
            <div className="pool-row-pair">
              <div className="pool-row-field">
                <input
                  id={id('user')}
                  data-testid={id('user')}
                  className="text-input mono"
                  aria-label={`${ROW_LABEL[index] ?? 'Pool'} worker`}
                  aria-invalid={rowErrors.user !== undefined}
                  placeholder="account.worker"
                  value={row.user}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => update(index, 'user', event.target.value)}
                />
                {rowErrors.user !== undefined && <p className="field-error">{rowErrors.user}</p>}
              </div>
              <div className="pool-row-field pool-password-field">
                <input
                  id={id('password')}
                  data-testid={id('password')}
                  className="text-input mono"
                  aria-label={`${ROW_LABEL[index] ?? 'Pool'} password (empty for x)`}
                  aria-invalid={rowErrors.password !== undefined}
                  placeholder="x"
                  value={row.password}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => update(index, 'password', event.target.value)}
                />
                {rowErrors.password !== undefined && <p className="field-error">{rowErrors.password}</p>}
              </div>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
