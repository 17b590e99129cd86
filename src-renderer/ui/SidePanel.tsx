import { useEffect, useId } from 'react';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons.js';
import './side-panel.css';

interface SidePanelProps {
  testId: string;
  closeTestId: string;
  title: ReactNode;
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A drawer on the right over the content. It is not modal: the table stays usable beside it, so clicking another
 * row just switches the panel. Escape closes it from anywhere unless a control inside handled the key first (the
 * rename box uses Escape to cancel its edit and calls preventDefault).
 */
export function SidePanel({ testId, closeTestId, title, subtitle, onClose, children }: SidePanelProps) {
  const titleId = useId();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside className="side-panel" data-testid={testId} aria-labelledby={titleId}>
      <header className="side-panel-header">
        <div className="side-panel-titles">
          <h2 id={titleId} className="side-panel-title">
            {title}
          </h2>
          {subtitle !== undefined && <div className="side-panel-subtitle">{subtitle}</div>}
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid={closeTestId}
          aria-label="Close panel"
          title="Close (Esc)"
          onClick={onClose}
        >
          <CloseIcon size={18} />
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </aside>
  );
}
